// The session store on the OS keychain through keytar: one entry per account, holding only what
// is needed to resume the session. It never falls back to a file; the caller decides what to do
// when the keychain is unavailable.
import type { SecretStore, StoredSession } from '../ports.ts';
import { accountKey, parseAccountKey } from './account-key.ts';
import { keytarAccess, type Keytar } from './keytar-access.ts';

export interface KeytarStoreOptions {
  /** The keychain service name: the app's name. */
  service: string;
  now?: () => number;
  /** Loads the keytar module; replaceable so tests can simulate a missing native module. */
  loadKeytar?: () => Promise<Keytar>;
}

/** What one keychain entry holds. The server URL and email are in the entry's account name. */
interface EntrySecret {
  refreshToken: string;
  jwt: string;
  savedAt: number;
}

function parseSecret(text: string): EntrySecret | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { refreshToken, jwt, savedAt } = value as Record<string, unknown>;
    if (typeof refreshToken !== 'string' || refreshToken === '') return null;
    if (typeof jwt !== 'string' || jwt === '') return null;
    return { refreshToken, jwt, savedAt: typeof savedAt === 'number' ? savedAt : 0 };
  } catch {
    return null;
  }
}

export function createKeytarSecretStore({ service, now = Date.now, loadKeytar }: KeytarStoreOptions): SecretStore {
  const withKeytar = keytarAccess(loadKeytar);

  return {
    kind: 'keychain',
    load: () =>
      withKeytar(async (kt) => {
        let latest: (StoredSession & { savedAt: number }) | null = null;
        for (const { account, password } of await kt.findCredentials(service)) {
          const key = parseAccountKey(account);
          const secret = parseSecret(password);
          // An entry that is not ours or is damaged is skipped, never a crash.
          if (!key || !secret) continue;
          if (!latest || secret.savedAt >= latest.savedAt) latest = { ...key, ...secret };
        }
        if (!latest) return null;
        const { serverUrl, email, refreshToken, jwt } = latest;
        return { serverUrl, email, refreshToken, jwt };
      }),
    save: ({ serverUrl, email, refreshToken, jwt }) =>
      withKeytar(async (kt) => {
        const secret: EntrySecret = { refreshToken, jwt, savedAt: now() };
        await kt.setPassword(service, accountKey(serverUrl, email), JSON.stringify(secret));
      }),
    remove: (serverUrl, email) =>
      withKeytar(async (kt) => {
        await kt.deletePassword(service, accountKey(serverUrl, email));
      }),
  };
}
