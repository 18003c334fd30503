import type { TokenVault } from '../ports.ts';
import { accountKey } from './account-key.ts';

/**
 * A TokenVault that lives only as long as this run: the stand-in when the OS keychain is
 * unavailable, and the vault unit tests use. Nothing is ever written to disk.
 */
export function createMemoryTokenVault(): TokenVault {
  const accounts = new Map<string, Map<string, string>>();
  const copiesOf = (serverUrl: string, email: string) => {
    const key = accountKey(serverUrl, email);
    let copies = accounts.get(key);
    if (!copies) accounts.set(key, (copies = new Map()));
    return copies;
  };
  return {
    kind: 'memory',
    load: async ({ serverUrl, email }) => new Map(copiesOf(serverUrl, email)),
    put: async ({ serverUrl, email }, id, value) => void copiesOf(serverUrl, email).set(id, value),
    remove: async ({ serverUrl, email }, id) => void copiesOf(serverUrl, email).delete(id),
    clear: async ({ serverUrl, email }) => void accounts.delete(accountKey(serverUrl, email)),
    clearAll: async () => accounts.clear(),
  };
}
