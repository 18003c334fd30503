// main's real services, IPC router and sender check on ports a test chooses, as main.ts wires them
// minus Electron: one trusted window at the app's own address. The e2e harness puts Chromium in front
// of it; the renderer's jsdom tests put the real preload bridge in front of it (test/renderer/test-bridge.ts).
import { createApp } from '../../main/create-handlers.ts';
import { createIpcRouter, type Handlers, type IpcRouter, type IpcSender } from '../../main/ipc-router.ts';
import type { AppPorts, Timers } from '../../main/ports.ts';
import { createSenderCheck } from '../../main/security.ts';

/** The id main gives the app's one window. */
export const WINDOW_ID = 1;

export interface MainInProcess {
  handlers: Handlers;
  router: IpcRouter;
  /** The one sender main trusts: the window's main frame at `appUrl`. */
  sender: IpcSender;
}

/** Builds main on `ports` and starts restoring at once (as main.ts does, before the window exists). */
export function startMainInProcess(ports: AppPorts, appUrl: string): MainInProcess {
  const { handlers, launch } = createApp(ports);
  launch();
  const router = createIpcRouter({ handlers, isTrustedSender: createSenderCheck(() => WINDOW_ID, appUrl) });
  return { handlers, router, sender: { webContentsId: WINDOW_ID, isMainFrame: true, url: appUrl } };
}

/** Real timers that never keep the process alive (a session's refresh timer must not outlive the test). */
export const unrefTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
