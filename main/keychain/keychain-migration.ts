// One-time move of the keychain entries written before accounts had ids: sessions named
// `<server URL> <email>` under "NocoDB Account Manager", token copies named
// `<server URL> <email> <token id>` under "NocoDB Account Manager API tokens". Each is read,
// rewritten under today's service and name (keychain-names.ts), and only then deleted.
//
// Sessions are read by name (the list knows every account); the legacy copies can only be found
// by listing, which runs in the keytar worker (keytar-worker.ts). Only entries of listed accounts
// move; anything else is left where it is. Nothing runs unless the keychain is open.
import { AppFailure } from '../app-error.ts';
import type { ListedAccount } from '../ports.ts';
import { isTokenId } from '../nocodb/token-id.ts';
import type { Keychain } from './keychain.ts';
import { sessionEntryName, tokenCopyEntryName, type KeychainServices } from './keychain-names.ts';

export interface KeychainMigrationOptions {
  keychain: Keychain;
  services: KeychainServices;
  legacy: KeychainServices;
}

/** Moves the legacy entries of these accounts; throws (keychain_locked, …) when it could not finish, to run again next launch. */
export type KeychainMigration = (accounts: ListedAccount[]) => Promise<void>;

const legacyKey = ({ serverUrl, email }: ListedAccount) => `${serverUrl} ${email}`;

/** The refresh token and JWT of a legacy session entry, or null when it is damaged. */
function legacySecret(text: string): { refreshToken: string; jwt: string } | null {
  try {
    const { refreshToken, jwt } = JSON.parse(text) as Record<string, unknown>;
    return typeof refreshToken === 'string' && refreshToken !== '' && typeof jwt === 'string' && jwt !== '' ? { refreshToken, jwt } : null;
  } catch {
    return null;
  }
}

export function createKeychainMigration({ keychain, services, legacy }: KeychainMigrationOptions): KeychainMigration {
  /**
   * Writes the value under its new name unless an entry is there already (a newer session or copy,
   * which a stale legacy one must never replace), then deletes the old entry. A delete that deleted
   * nothing is not done: the move throws and runs again next launch (writing nothing twice).
   */
  async function move(fromService: string, fromName: string, toService: string, toName: string, value: string) {
    if ((await keychain.get(toService, toName)) === null) await keychain.set(toService, toName, value);
    if (!(await keychain.delete(fromService, fromName)))
      throw new AppFailure('keychain_locked', 'A legacy keychain entry could not be deleted.');
  }

  return async (accounts) => {
    await keychain.ensureOpen();
    for (const account of accounts) {
      const text = await keychain.get(legacy.sessions, legacyKey(account));
      const secret = text === null ? null : legacySecret(text);
      if (!secret) continue;
      const session = JSON.stringify({ serverUrl: account.serverUrl, email: account.email, ...secret });
      await move(legacy.sessions, legacyKey(account), services.sessions, sessionEntryName(account.id), session);
    }
    for (const name of await keychain.names(legacy.tokenCopies)) {
      const owner = accounts.find((account) => name.startsWith(`${legacyKey(account)} `));
      const tokenId = owner ? name.slice(legacyKey(owner).length + 1) : '';
      if (!owner || !isTokenId(tokenId)) continue;
      const value = await keychain.get(legacy.tokenCopies, name);
      if (value !== null) await move(legacy.tokenCopies, name, services.tokenCopies, tokenCopyEntryName(owner.id, tokenId), value);
    }
  };
}
