// A keytar stand-in that behaves like the real one in the states that matter: a GNOME keyring that
// is locked with no unlock prompt (getPassword answers null, setPassword refuses, findCredentials
// crashes the process — here: throws and records it), no Secret Service at all, and Windows'
// Credential Manager, whose findCredentials matches the service as a PREFIX. It also records
// how many calls were in flight at once, so the keychain queue can be held to "one at a time".
import type { KeytarCalls } from '../../main/keychain/keytar-module.ts';
import { KeychainWorkerStopped } from '../../main/keychain/keytar-worker.ts';

export interface FakeKeytarOptions {
  /** Windows: findCredentials('a') also returns the entries of service 'ab…'. */
  prefixMatch?: boolean;
}

export function createFakeKeytar({ prefixMatch = false }: FakeKeytarOptions = {}) {
  const services = new Map<string, Map<string, string>>();
  const state = {
    locked: false,
    unavailable: false,
    /** A write fails once (e.g. the keychain refused it). */
    failNextWrite: false,
    /** The next calls fail as keytar's worker crashing would (each one; the keychain then says "stopped"). */
    crashNext: 0,
    /** The next call meets an unlock prompt the user dismisses. */
    dismissNext: 0,
    inFlight: 0,
    maxInFlight: 0,
    /** findCredentials calls on a locked keyring: each would have been a SIGSEGV. */
    crashes: 0,
    /** Every write that reached the keychain, in order. */
    writes: [] as Array<{ service: string; name: string }>,
  };
  const entriesOf = (service: string) => {
    let entries = services.get(service);
    if (!entries) services.set(service, (entries = new Map()));
    return entries;
  };
  async function call<T>(work: () => T): Promise<T> {
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      // A few turns of the microtask queue (not a timer: tests with fake timers use this keytar too).
      for (let turn = 0; turn < 3; turn += 1) await Promise.resolve();
      if (state.unavailable) throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
      if (state.crashNext > 0) {
        state.crashNext -= 1;
        throw new KeychainWorkerStopped();
      }
      if (state.dismissNext > 0) {
        state.dismissNext -= 1;
        throw new Error('Prompt dismissed');
      }
      return work();
    } finally {
      state.inFlight -= 1;
    }
  }

  const keytar: KeytarCalls = {
    getPassword: (service, name) => call(() => (state.locked ? null : (entriesOf(service).get(name) ?? null))),
    setPassword: (service, name, value) =>
      call(() => {
        if (state.locked) throw new Error('Cannot create an item in a locked collection');
        if (state.failNextWrite) {
          state.failNextWrite = false;
          throw new Error('The keychain refused the write');
        }
        state.writes.push({ service, name });
        entriesOf(service).set(name, value);
      }),
    deletePassword: (service, name) => call(() => !state.locked && entriesOf(service).delete(name)),
  };

  // keytar's findCredentials, as the worker runs it: on a locked keyring the real one kills its process.
  keytar.names = (service) =>
    call(() => {
      if (state.locked) {
        state.crashes += 1;
        throw new Error('The keychain worker ended (crashed).');
      }
      return [...services]
        .filter(([name]) => (prefixMatch ? name.startsWith(service) : name === service))
        .flatMap(([, entries]) => [...entries.keys()]);
    });

  return {
    keytar,
    state,
    loadKeytar: async () => keytar,
    /** An entry as it is in the keychain now (locked or not). */
    peek: (service: string, name: string) => services.get(service)?.get(name) ?? null,
    /** Every entry of a service: name → value (locked or not). */
    entries: (service: string) => new Map(services.get(service) ?? []),
    /** Writes an entry directly, as another version of the app would have. */
    put: (service: string, name: string, value: string) => void entriesOf(service).set(name, value),
  };
}

export type FakeKeytar = ReturnType<typeof createFakeKeytar>;
