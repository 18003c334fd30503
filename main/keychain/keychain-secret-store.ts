// Sessions in the OS keychain: one entry per account, named by the account's opaque id, holding
// what is needed to resume it (server, email, JWT, refresh token — the server and email also let
// a damaged settings file be rebuilt from the keychain). Never a file.
import { ACCOUNT_ID } from '../accounts/account-id.ts';
import type { SecretStore, StoredEntry, StoredSession } from '../ports.ts';
import type { Keychain } from './keychain.ts';
import { sessionEntryName } from './keychain-names.ts';

/** The session an entry holds, or null when it is damaged (a damaged entry is no session, never a crash). */
export function parseStoredSession(text: string): StoredSession | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { serverUrl, email, refreshToken, jwt } = value as Record<string, unknown>;
    const fields = [serverUrl, email, refreshToken, jwt];
    if (!fields.every((field): field is string => typeof field === 'string' && field !== '')) return null;
    return { serverUrl: fields[0]!, email: fields[1]!, refreshToken: fields[2]!, jwt: fields[3]! };
  } catch {
    return null;
  }
}

export function createKeychainSecretStore(keychain: Keychain, service: string): SecretStore {
  async function load(accountId: string): Promise<StoredEntry> {
    const text = await keychain.get(service, sessionEntryName(accountId));
    if (text === null) {
      // A locked keyring answers null too: only an open one may say "no entry".
      await keychain.ensureOpen();
      return { status: 'none' };
    }
    const session = parseStoredSession(text);
    return session ? { status: 'ok', session } : { status: 'damaged' };
  }

  return {
    kind: 'keychain',
    load,
    check: () => keychain.ensureOpen(),
    // The canary read every first use begins with: it starts the worker and keytar's connection.
    warmUp: () => void keychain.ensureOpen().catch(() => {}),
    async entries() {
      await keychain.ensureOpen(); // a locked keyring would crash the listing worker; say "locked" instead
      const found = [];
      for (const accountId of (await keychain.names(service)).filter((name) => ACCOUNT_ID.test(name))) {
        const entry = await load(accountId);
        if (entry.status === 'ok') found.push({ accountId, session: entry.session });
      }
      return found;
    },
    async save(accountId, { serverUrl, email, refreshToken, jwt }) {
      await keychain.set(service, sessionEntryName(accountId), JSON.stringify({ serverUrl, email, refreshToken, jwt }));
    },
    async remove(accountId) {
      // A locked keyring hides its entries and answers "nothing to delete": never take that for done.
      if (!(await keychain.delete(service, sessionEntryName(accountId)))) await keychain.ensureOpen();
    },
  };
}
