import { BRIDGE_EVENTS, BRIDGE_METHODS, type Bridge, type Channel, type EventChannel, type Result } from './contract.ts';

/** Sends one call to main; in Electron this is `ipcRenderer.invoke`, in tests anything with that shape. */
export type Invoke = (channel: Channel, arg: unknown) => Promise<unknown>;

/** Listens to one event from main and answers how to stop; in Electron `ipcRenderer.on` / `removeListener`. */
export type Listen = (channel: EventChannel, listener: () => void) => () => void;

/**
 * Builds the frozen API object the renderer sees, one method per contract channel and one per event,
 * nothing else. Only the argument crosses over: never the IPC event, never `ipcRenderer`.
 */
export function createBridge(invoke: Invoke, listen: Listen): Bridge {
  const groups = Object.entries(BRIDGE_METHODS).map(([group, methods]) => {
    const calls = Object.entries(methods).map(([name, channel]) => [
      name,
      (arg?: unknown) => invoke(channel, arg) as Promise<Result<unknown>>,
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
