import type { SecretStore, StoredSession } from '../ports.ts';

/**
 * A SecretStore that lives only as long as this run: the stand-in when the OS keychain is
 * unavailable, and the store tests use. Nothing is ever written to disk.
 */
export function createMemorySecretStore(): SecretStore {
  const sessions = new Map<string, StoredSession>();
  return {
    kind: 'memory',
    load: async (accountId) => {
      const session = sessions.get(accountId);
      return session ? { status: 'ok', session: { ...session } } : { status: 'none' };
    },
    check: async () => {},
    entries: async () => [...sessions].map(([accountId, session]) => ({ accountId, session: { ...session } })),
    save: async (accountId, session) => void sessions.set(accountId, { ...session }),
    remove: async (accountId) => void sessions.delete(accountId),
  };
}
