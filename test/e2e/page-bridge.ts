// Bundled into the page before the app's scripts: the REAL createBridge, wired to the harness's
// binding instead of ipcRenderer, and exposed read-only under the same global as in Electron. As
// the preload does, it sends the first screen's boot request at once.
import { bootRequestFor } from '../../preload/boot-request.ts';
import { createBridge } from '../../preload/bridge.ts';
import { BRIDGE_GLOBAL, type EventChannel } from '../../preload/contract.ts';

declare global {
  interface Window {
    /** The harness's binding: main's answer as JSON (see harness.ts). */
    __nocodbInvoke: (channel: string, arg: unknown) => Promise<string>;
    /** How the harness delivers one of main's events, as `webContents.send` does in Electron. */
    __nocodbEvent: (channel: string) => void;
  }
}

const listeners = new Map<string, Set<() => void>>();

Object.defineProperty(window, '__nocodbEvent', {
  value: (channel: string) => listeners.get(channel)?.forEach((listener) => listener()),
  writable: false,
  configurable: false,
});

Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: createBridge(
    async (channel, arg) => JSON.parse(await window.__nocodbInvoke(channel, arg)) as unknown,
    (channel: EventChannel, listener) => {
      const own = listeners.get(channel) ?? new Set();
      listeners.set(channel, own.add(listener));
      return () => void own.delete(listener);
    },
    bootRequestFor(window.location.hash),
  ),
  writable: false,
  configurable: false,
});
