// An OS keychain stand-in held in memory (kind 'keychain', so main treats sessions kept there as
// persistent), with a switch for what a real keychain does to the app: lock, go away, or refuse
// writes. The session store and the token-copy vault share the switch, as they share the keychain.
import { AppFailure } from '../../main/app-error.ts';
import { keychainLocked } from '../../main/keychain/keychain.ts';
import { keychainUnavailable } from '../../main/keychain/keychain-unavailable.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createMemoryTokenVault } from '../../main/keychain/memory-token-vault.ts';
import type { SecretStore, TokenVault } from '../../main/ports.ts';

/** What the keychain does now: answer, be locked, be missing (no Secret Service), or refuse writes only. */
export type KeychainCondition = 'works' | 'locked' | 'unavailable' | 'refuses_writes';

const failureOf = (condition: Exclude<KeychainCondition, 'works'>): AppFailure =>
  condition === 'locked'
    ? keychainLocked()
    : condition === 'unavailable'
      ? keychainUnavailable('linux')
      : new AppFailure('keychain_locked', 'The keychain refused to save the entry.');

export function createSwitchableKeychain() {
  const sessions = createMemorySecretStore();
  const copies = createMemoryTokenVault();
  /** `lockedEntries`: accounts whose own entry stays locked while the rest answers (as one item's access can be denied). */
  const keychain = { condition: 'works' as KeychainCondition, lockedEntries: new Set<string>() };
  /** Throws what the keychain's condition makes every call (or, when it refuses writes, every write) throw. */
  const gate = (writes: boolean, accountId?: string) => {
    if (accountId !== undefined && keychain.lockedEntries.has(accountId)) throw keychainLocked();
    const { condition } = keychain;
    if (condition === 'works' || (condition === 'refuses_writes' && !writes)) return;
    throw failureOf(condition);
  };
  const secretStore: SecretStore = {
    kind: 'keychain',
    load: async (accountId) => (gate(false, accountId), sessions.load(accountId)),
    check: async () => gate(false),
    entries: async () => (gate(false), sessions.entries()),
    save: async (accountId, session) => (gate(true, accountId), sessions.save(accountId, session)),
    remove: async (accountId) => (gate(true, accountId), sessions.remove(accountId)),
  };
  const tokenVault: TokenVault = {
    kind: 'keychain',
    load: async (accountId, ids) => (gate(false), copies.load(accountId, ids)),
    put: async (accountId, id, value, stillWanted) => (gate(true), copies.put(accountId, id, value, stillWanted)),
    remove: async (accountId, id) => (gate(true), copies.remove(accountId, id)),
    clear: async (accountId) => (gate(true), copies.clear(accountId)),
    clearAll: async () => (gate(true), copies.clearAll()),
  };
  return Object.assign(keychain, { secretStore, tokenVault });
}

export type SwitchableKeychain = ReturnType<typeof createSwitchableKeychain>;
