// The session store on the OS keychain through keytar: one entry per account, holding only what
// is needed to resume the session. It never falls back to a file; the caller decides what to do
// when the keychain is unavailable.
import type { SecretStore } from '../ports.ts';
import { accountKey, parseAccountKey } from './account-key.ts';
import { keytarAccess, type Keytar } from './keytar-access.ts';

export interface KeytarStoreOptions {
  /** The keychain service name: the app's name. */
  service: string;
  /** Loads the keytar module; replaceable so tests can simulate a missing native module. */
  loadKeytar?: () => Promise<Keytar>;
}

/** What one keychain entry holds. The server URL and email are in the entry's account name. */
interface EntrySecret {
  refreshToken: string;
  jwt: string;
}

function parseSecret(text: string): EntrySecret | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { refreshToken, jwt } = value as Record<string, unknown>;
    if (typeof refreshToken !== 'string' || refreshToken === '') return null;
    if (typeof jwt !== 'string' || jwt === '') return null;
    return { refreshToken, jwt };
  } catch {
    return null;
  }
}

export function createKeytarSecretStore({ service, loadKeytar }: KeytarStoreOptions): SecretStore {
  const withKeytar = keytarAccess(loadKeytar);

  return {
    kind: 'keychain',
    accounts: () =>
      withKeytar(async (kt) =>
        // An entry whose name is not one of ours is left alone; a damaged secret still names an account.
        (await kt.findCredentials(service)).flatMap(({ account }) => parseAccountKey(account) ?? []),
      ),
    load: (serverUrl, email) =>
      withKeytar(async (kt) => {
        const text = await kt.getPassword(service, accountKey(serverUrl, email));
        // A damaged entry is no session, never a crash.
        const secret = text === null ? null : parseSecret(text);
        return secret ? { serverUrl, email, refreshToken: secret.refreshToken, jwt: secret.jwt } : null;
      }),
    save: ({ serverUrl, email, refreshToken, jwt }) =>
      withKeytar(async (kt) => {
        const secret: EntrySecret = { refreshToken, jwt };
        await kt.setPassword(service, accountKey(serverUrl, email), JSON.stringify(secret));
      }),
    remove: (serverUrl, email) =>
      withKeytar(async (kt) => {
        await kt.deletePassword(service, accountKey(serverUrl, email));
      }),
  };
}
