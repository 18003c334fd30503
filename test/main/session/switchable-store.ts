// A keychain stand-in for unit tests: a memory store that reports kind 'keychain', records what
// it was asked to save, and can be switched to fail like an unreachable Secret Service.
import type { SecretStore, StoredSession } from '../../../main/ports.ts';
import { keychainUnavailable } from '../../../main/session/keychain-unavailable.ts';
import { createMemorySecretStore } from '../../../main/session/memory-store.ts';

export function createSwitchableKeychain(initial: StoredSession | null = null) {
  const inner = createMemorySecretStore();
  const control = { unavailable: false, saves: [] as StoredSession[], removes: 0 };
  const gate = () => {
    if (control.unavailable) throw keychainUnavailable('linux');
  };
  const store: SecretStore = {
    kind: 'keychain',
    async load() {
      gate();
      return inner.load();
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
  if (initial) void inner.save(initial);
  return { store, control, peek: () => inner.load() };
}
