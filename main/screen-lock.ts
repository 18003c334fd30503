// When the OS locks the screen or puts the machine to sleep, main tells its window, which masks every
// revealed token value. Only main can know: a locked screen is not a hidden page on every desktop, and
// a page is told nothing of a suspend.
import { BRIDGE_EVENTS, type EventChannel } from '../preload/contract.ts';

/** Electron's `powerMonitor`, as much as this needs of it (tests pass an EventEmitter). */
export interface PowerEvents {
  on(event: LockingEvent, listener: () => void): unknown;
}

/** After these, the window may be read by someone else: the screen locked, the machine asleep. */
export const LOCKING_EVENTS = ['lock-screen', 'suspend'] as const;
export type LockingEvent = (typeof LOCKING_EVENTS)[number];

/** What the app's one window offers for a one-way message (`webContents`). */
export interface WindowMessages {
  send(channel: EventChannel): void;
}

/** From now on, each locking event reaches the app's window — the one `ownWindow` answers, or none while it is closed. */
export function forwardScreenLocks(power: PowerEvents, ownWindow: () => WindowMessages | null): void {
  for (const event of LOCKING_EVENTS) power.on(event, () => ownWindow()?.send(BRIDGE_EVENTS.onScreenLocked));
}
