import type { SecretStore, StoredSession } from '../ports.ts';
import { accountKey } from './account-key.ts';

/**
 * A SecretStore that lives only as long as this run: the stand-in when the OS keychain is
 * unavailable, and the store tests use. Nothing is ever written to disk.
 */
export function createMemorySecretStore(): SecretStore {
  const sessions = new Map<string, StoredSession>();
  return {
    kind: 'memory',
    async accounts() {
      return [...sessions.values()].map(({ serverUrl, email }) => ({ serverUrl, email }));
    },
    async load(serverUrl, email) {
      const session = sessions.get(accountKey(serverUrl, email));
      return session ? { ...session } : null;
    },
    async save(session) {
      sessions.set(accountKey(session.serverUrl, session.email), { ...session });
    },
    async remove(serverUrl, email) {
      sessions.delete(accountKey(serverUrl, email));
    },
  };
}
