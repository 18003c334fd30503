// The sandboxed preload: exposes the typed bridge and nothing else. It runs before the page's
// scripts, so it sends the first screen's boot request at once (see createBridge).
import { contextBridge, ipcRenderer } from 'electron';
import { bootRequestFor } from './boot-request.ts';
import { createBridge } from './bridge.ts';
import { BRIDGE_GLOBAL } from './contract.ts';

// A preload runs in the page's window, but is typed for Node: the one page value it reads.
declare const window: { location: { hash: string } };

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(
    (channel, arg) => ipcRenderer.invoke(channel, arg),
    (channel, listener) => {
      const onEvent = () => listener();
      ipcRenderer.on(channel, onEvent);
      return () => void ipcRenderer.removeListener(channel, onEvent);
    },
    bootRequestFor(window.location.hash),
  ),
);
