// The sandboxed preload: exposes the typed bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';
import { BRIDGE_GLOBAL } from './contract.ts';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge(
    (channel, arg) => ipcRenderer.invoke(channel, arg),
    (channel, listener) => {
      const onEvent = () => listener();
      ipcRenderer.on(channel, onEvent);
      return () => void ipcRenderer.removeListener(channel, onEvent);
    },
  ),
);
