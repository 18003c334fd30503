// The bridge's calls as a test sees them: every call recorded under its bridge method's name
// ('tokens.list'), one call held until the test releases it, or one that rejects as a broken
// bridge would (the real one never does). Nothing here answers: main does.
import type { Invoke } from '../../preload/bridge.ts';
import { BRIDGE_METHODS, type Channel } from '../../preload/contract.ts';

type Methods = typeof BRIDGE_METHODS;
/** A bridge method as `group.name`, e.g. 'tokens.list'. */
export type MethodName = { [G in keyof Methods]: `${G & string}.${keyof Methods[G] & string}` }[keyof Methods];

const METHOD_OF = new Map<Channel, MethodName>(
  Object.entries(BRIDGE_METHODS).flatMap(([group, methods]) =>
    Object.entries(methods).map(([name, channel]) => [channel as Channel, `${group}.${name}` as MethodName] as const),
  ),
);

export interface RecordedCall {
  method: MethodName;
  arg: unknown;
}

/** Wraps `invoke` (main's router) so that calls are recorded, may be held, and may crash once. */
export function recordingCalls(invoke: Invoke) {
  const calls: RecordedCall[] = [];
  const holds = new Map<MethodName, Promise<void>>();
  const crashes = new Set<MethodName>();
  const recorded: Invoke = async (channel, arg) => {
    const method = METHOD_OF.get(channel)!;
    calls.push({ method, arg });
    if (crashes.delete(method)) throw new TypeError('Cannot read properties of undefined (at main.cjs:1:1)');
    const hold = holds.get(method);
    holds.delete(method);
    if (hold) await hold;
    return invoke(channel, arg);
  };
  return {
    invoke: recorded,
    calls,
    /** The calls made to one method, in order. */
    callsTo: (method: MethodName) => calls.filter((call) => call.method === method),
    /** The next call to `method` reaches main only when the returned function is called. */
    hold: (method: MethodName) => {
      let release = () => {};
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    /** The next call to `method` rejects, as a broken bridge would. */
    crash: (method: MethodName) => void crashes.add(method),
  };
}
