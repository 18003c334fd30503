import { BRIDGE_EVENTS, BRIDGE_METHODS, type BootRequest, type Bridge, type Channel, type EventChannel, type Result } from './contract.ts';

/** Sends one call to main; in Electron this is `ipcRenderer.invoke`, in tests anything with that shape. */
export type Invoke = (channel: Channel, arg: unknown) => Promise<unknown>;

/** Listens to one event from main and answers how to stop; in Electron `ipcRenderer.on` / `removeListener`. */
export type Listen = (channel: EventChannel, listener: () => void) => () => void;

/**
 * Builds the frozen API object the renderer sees, one method per contract channel and one per event,
 * nothing else. Only the argument crosses over: never the IPC event, never `ipcRenderer`.
 *
 * With `bootRequest`, `app:boot` is sent at once — a preload runs before the page's scripts, so
 * main answers while the page is still fetching and compiling them — and the page's first
 * `app.boot` with the same request takes that answer instead of asking again. Any other boot call
 * (another request, a second call) goes to main as usual.
 */
export function createBridge(invoke: Invoke, listen: Listen, bootRequest?: BootRequest): Bridge {
  let earlyBoot = bootRequest ? { request: JSON.stringify(bootRequest), answer: invoke('app:boot', bootRequest) } : null;
  // Never taken (the page asked for something else, or never asked): its failure is nobody's to report.
  earlyBoot?.answer.catch(() => undefined);
  const send = (channel: Channel, arg: unknown) => {
    if (channel === 'app:boot' && earlyBoot?.request === JSON.stringify(arg)) {
      const { answer } = earlyBoot;
      earlyBoot = null;
      return answer;
    }
    return invoke(channel, arg);
  };
  const groups = Object.entries(BRIDGE_METHODS).map(([group, methods]) => {
    const calls = Object.entries(methods).map(([name, channel]) => [
      name,
      (arg?: unknown) => send(channel, arg) as Promise<Result<unknown>>,
    ]);
    return [group, Object.freeze(Object.fromEntries(calls))];
  });
  const events = Object.entries(BRIDGE_EVENTS).map(([name, channel]) => [
    name,
    // The listener is called with nothing, whatever the transport hands over.
    (listener: () => void) => listen(channel, () => listener()),
  ]);
  return Object.freeze(Object.fromEntries([...groups, ['events', Object.freeze(Object.fromEntries(events))]])) as Bridge;
}
