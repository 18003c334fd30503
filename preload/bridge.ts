import { BRIDGE_METHODS, type Bridge, type Channel, type Result } from './contract.ts';

/** Sends one call to main; in Electron this is `ipcRenderer.invoke`, in tests anything with that shape. */
export type Invoke = (channel: Channel, arg: unknown) => Promise<unknown>;

/**
 * Builds the frozen API object the renderer sees, one method per contract channel and nothing else.
 * Only the argument crosses over: never the IPC event, never `ipcRenderer`.
 */
export function createBridge(invoke: Invoke): Bridge {
  const groups = Object.entries(BRIDGE_METHODS).map(([group, methods]) => {
    const calls = Object.entries(methods).map(([name, channel]) => [
      name,
      (arg?: unknown) => invoke(channel, arg) as Promise<Result<unknown>>,
    ]);
    return [group, Object.freeze(Object.fromEntries(calls))];
  });
  return Object.freeze(Object.fromEntries(groups)) as Bridge;
}
