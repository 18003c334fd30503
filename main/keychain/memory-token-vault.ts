import type { TokenVault } from '../ports.ts';

/**
 * A TokenVault that lives only as long as this run: the stand-in when the OS keychain is
 * unavailable, and the vault unit tests use. Nothing is ever written to disk.
 */
export function createMemoryTokenVault(): TokenVault {
  const accounts = new Map<string, Map<string, string>>();
  const copiesOf = (accountId: string) => {
    let copies = accounts.get(accountId);
    if (!copies) accounts.set(accountId, (copies = new Map()));
    return copies;
  };
  return {
    kind: 'memory',
    load: async (accountId, tokenIds) => {
      const copies = copiesOf(accountId);
      return new Map(tokenIds.flatMap((id) => (copies.has(id) ? [[id, copies.get(id)!] as const] : [])));
    },
    put: async (accountId, tokenId, value, stillWanted) => {
      if (!(await stillWanted())) return false;
      copiesOf(accountId).set(tokenId, value);
      return true;
    },
    remove: async (accountId, tokenId) => void copiesOf(accountId).delete(tokenId),
    clear: async (accountId) => void accounts.delete(accountId),
    clearAll: async () => accounts.clear(),
  };
}
