// A keychain stand-in for unit tests: a memory store that reports kind 'keychain', records what
// it was asked to save, and can be switched to fail like an unreachable Secret Service.
import type { SecretStore, StoredSession } from '../../../main/ports.ts';
import { keychainUnavailable } from '../../../main/session/keychain-unavailable.ts';
import { createMemorySecretStore } from '../../../main/session/memory-store.ts';

export function createSwitchableKeychain(...initial: StoredSession[]) {
  const inner = createMemorySecretStore();
  const control = { unavailable: false, saves: [] as StoredSession[], removes: 0 };
  const gate = () => {
    if (control.unavailable) throw keychainUnavailable('linux');
  };
  const store: SecretStore = {
    kind: 'keychain',
    async accounts() {
      gate();
      return inner.accounts();
    },
    async load(serverUrl, email) {
      gate();
      return inner.load(serverUrl, email);
    },
    async save(session) {
      gate();
      control.saves.push({ ...session });
      await inner.save(session);
    },
    async remove(serverUrl, email) {
      gate();
      control.removes += 1;
      await inner.remove(serverUrl, email);
    },
  };
  for (const session of initial) void inner.save(session);
  return {
    store,
    control,
    /** The entry of one account (the first harness account when none is named). */
    peek: (serverUrl?: string, email?: string) =>
      serverUrl && email
        ? inner.load(serverUrl, email)
        : inner.accounts().then(([first]) => (first ? inner.load(first.serverUrl, first.email) : null)),
    accounts: () => inner.accounts(),
  };
}
