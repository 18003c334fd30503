// Bundled into the page before the app's scripts: the REAL createBridge, wired to the harness's
// binding instead of ipcRenderer, and exposed read-only under the same global as in Electron.
import { createBridge } from '../../preload/bridge.ts';
import { BRIDGE_GLOBAL } from '../../preload/contract.ts';

declare global {
  interface Window {
    /** The harness's binding: main's answer as JSON (see harness.ts). */
    __nocodbInvoke: (channel: string, arg: unknown) => Promise<string>;
  }
}

Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: createBridge(async (channel, arg) => JSON.parse(await window.__nocodbInvoke(channel, arg)) as unknown),
  writable: false,
  configurable: false,
});
