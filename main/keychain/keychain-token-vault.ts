// Copies of created API tokens in the OS keychain, one entry per token (`<account id> <token id>`,
// holding only the value): Windows caps one secret at 2,560 bytes, and one entry per token means
// two quick creates never overwrite each other's copy.
//
// Copies are read by name with getPassword, only for the rows that need one. Listing the keychain
// can crash keytar's process (see keytar-worker.ts), so a listing runs only after the keychain
// proved open, in the worker, and a failure there is reported, never ignored: to forget every copy
// of an account (Log Out, the setting turned off), and to learn which of a long page's rows have one.
import type { TokenVault } from '../ports.ts';
import type { Keychain } from './keychain.ts';
import { isApiTokenValue } from '../nocodb/token-value.ts';
import { tokenCopyEntryName } from './keychain-names.ts';

/** Up to this many rows are read one by one; more cost one listing first. */
const READ_EACH_UP_TO = 8;

export function createKeychainTokenVault(keychain: Keychain, service: string): TokenVault {
  /** Every copy's entry name, of one account or (null) of all. */
  async function entryNames(accountId: string | null): Promise<string[]> {
    await keychain.ensureOpen(); // a locked keyring would crash the listing worker; say "locked" instead
    const names = await keychain.names(service);
    return accountId === null ? names : names.filter((name) => name.startsWith(tokenCopyEntryName(accountId, '')));
  }

  async function deleteAll(names: string[]): Promise<void> {
    for (const name of names) await keychain.delete(service, name);
  }

  return {
    kind: 'keychain',
    async load(accountId, tokenIds) {
      const copies = new Map<string, string>();
      // A page of today's servers (no values) asks for up to 1,000 rows, most without a copy: past a
      // few, one listing of the names (run after the keychain proved open) replaces a read per row.
      let wanted = tokenIds;
      if (tokenIds.length > READ_EACH_UP_TO) {
        const names = new Set(await entryNames(accountId));
        wanted = tokenIds.filter((id) => names.has(tokenCopyEntryName(accountId, id)));
      }
      let checked = wanted !== tokenIds;
      for (const id of wanted) {
        const value = await keychain.get(service, tokenCopyEntryName(accountId, id));
        // Most rows have no copy; one check that the keychain is open tells those nulls from a locked one.
        if (value === null && !checked) await keychain.ensureOpen();
        checked ||= value === null;
        // A copy is handed out again only in a token's shape; anything else in the entry is ignored.
        if (value !== null && isApiTokenValue(value)) copies.set(id, value);
      }
      return copies;
    },
    put: (accountId, tokenId, value, stillWanted) => keychain.set(service, tokenCopyEntryName(accountId, tokenId), value, stillWanted),
    async remove(accountId, tokenId) {
      // A locked keyring hides its entries and answers "nothing to delete": never take that for done.
      if (!(await keychain.delete(service, tokenCopyEntryName(accountId, tokenId)))) await keychain.ensureOpen();
    },
    clear: async (accountId) => deleteAll(await entryNames(accountId)),
    clearAll: async () => deleteAll(await entryNames(null)),
  };
}
