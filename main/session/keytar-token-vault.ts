// Copies of created API tokens in the OS keychain through keytar, under a keychain service of
// their own (not the session's), so the session entries and their format stay untouched.
//
// One entry per TOKEN, named `<server URL> <email> <token id>`, holding only the token's value:
// - Windows' Credential Manager caps one secret at 2,560 bytes, which a map of every token of a
//   busy account (60+ bytes each) would outgrow after a few dozen tokens;
// - creating or deleting a token writes or removes exactly its entry: no read-modify-write of a
//   shared map, so two quick creates cannot overwrite each other's copy;
// - one `findCredentials` call still reads every copy at once.
// A token id never holds a space or an `@`, so the name splits back unambiguously.
import type { TokenVault, VaultAccount } from '../ports.ts';
import { isTokenId } from '../nocodb/token-id.ts';
import { accountKey } from './account-key.ts';
import { keytarAccess, type Keytar } from './keytar-access.ts';

export interface KeytarTokenVaultOptions {
  /** The keychain service name, different from the session's. */
  service: string;
  loadKeytar?: () => Promise<Keytar>;
}

// What a copy must look like to be handed out again; anything else in the entry is ignored.
const TOKEN_VALUE = /^[A-Za-z0-9_-]{20,128}$/;

const entryName = (account: VaultAccount, id: string) => `${accountKey(account.serverUrl, account.email)} ${id}`;

/** The token id of an entry of this account, or null for another account's (or a foreign) entry. */
function idOf(account: VaultAccount, name: string): string | null {
  const prefix = `${accountKey(account.serverUrl, account.email)} `;
  if (!name.startsWith(prefix)) return null;
  const id = name.slice(prefix.length);
  return isTokenId(id) ? id : null;
}

export function createKeytarTokenVault({ service, loadKeytar }: KeytarTokenVaultOptions): TokenVault {
  const withKeytar = keytarAccess(loadKeytar);

  const namesOf = async (kt: Keytar, account: VaultAccount) =>
    (await kt.findCredentials(service)).filter(({ account: name }) => idOf(account, name) !== null);

  return {
    kind: 'keychain',
    load: (account) =>
      withKeytar(async (kt) => {
        const copies = new Map<string, string>();
        for (const { account: name, password } of await namesOf(kt, account)) {
          if (TOKEN_VALUE.test(password)) copies.set(idOf(account, name)!, password);
        }
        return copies;
      }),
    put: (account, id, value) =>
      withKeytar(async (kt) => {
        await kt.setPassword(service, entryName(account, id), value);
      }),
    remove: (account, id) =>
      withKeytar(async (kt) => {
        await kt.deletePassword(service, entryName(account, id));
      }),
    clear: (account) =>
      withKeytar(async (kt) => {
        for (const { account: name } of await namesOf(kt, account)) await kt.deletePassword(service, name);
      }),
    clearAll: () =>
      withKeytar(async (kt) => {
        for (const { account: name } of await kt.findCredentials(service)) await kt.deletePassword(service, name);
      }),
  };
}
