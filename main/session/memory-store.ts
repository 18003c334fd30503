import type { SecretStore, StoredSession } from '../ports.ts';
import { accountKey } from './account-key.ts';

/**
 * A SecretStore that lives only as long as this run: the stand-in when the OS keychain is
 * unavailable, and the store tests use. Nothing is ever written to disk.
 */
export function createMemorySecretStore(): SecretStore {
  // A Map keeps insertion order; re-inserting on save makes the last entry the most recent one.
  const sessions = new Map<string, StoredSession>();
  return {
    kind: 'memory',
    async load() {
      const latest = [...sessions.values()].at(-1);
      return latest ? { ...latest } : null;
    },
    async save(session) {
      const key = accountKey(session.serverUrl, session.email);
      sessions.delete(key);
      sessions.set(key, { ...session });
    },
    async remove(serverUrl, email) {
      sessions.delete(accountKey(serverUrl, email));
    },
  };
}
