// Bundled into the page before the app's scripts: the REAL createBridge, wired to the harness's
// binding instead of ipcRenderer, and exposed read-only under the same global as in Electron.
import { createBridge } from '../../preload/bridge.ts';
import { BRIDGE_GLOBAL } from '../../preload/contract.ts';

declare global {
  interface Window {
    __nocodbInvoke: (channel: string, arg: unknown) => Promise<unknown>;
  }
}

Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: createBridge((channel, arg) => window.__nocodbInvoke(channel, arg)),
  writable: false,
  configurable: false,
});
