// The keychain for unit tests: the app's real keychain queue and session store over a fake keytar
// (test/support/fake-keytar.ts) that a test can lock, make unavailable or make refuse a write.
import { CANARY_NAME, createKeychain } from '../../../main/keychain/keychain.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createKeychainSecretStore, parseStoredSession } from '../../../main/keychain/keychain-secret-store.ts';
import { createKeychainTokenVault } from '../../../main/keychain/keychain-token-vault.ts';
import type { AccountRef, StoredSession } from '../../../main/ports.ts';
import { createFakeKeytar } from '../../support/fake-keytar.ts';

export function createSwitchableKeychain() {
  const fake = createFakeKeytar();
  const keychain = createKeychain({ canaryService: KEYCHAIN_SERVICES.sessions, loadKeytar: fake.loadKeytar, timeoutMs: 2_000 });
  const store = createKeychainSecretStore(keychain, KEYCHAIN_SERVICES.sessions);
  const vault = createKeychainTokenVault(keychain, KEYCHAIN_SERVICES.tokenCopies);
  /** Every session entry as it is now: account id → session. */
  const sessions = () =>
    [...fake.entries(KEYCHAIN_SERVICES.sessions)].flatMap(([id, text]) => {
      const session = parseStoredSession(text);
      return session ? [{ id, session }] : [];
    });
  const control = {
    set unavailable(value: boolean) {
      fake.state.unavailable = value;
    },
    set locked(value: boolean) {
      fake.state.locked = value;
    },
    /** How many session writes reached the keychain (the keychain's own check entry aside). */
    get saves() {
      return fake.state.writes.filter(({ service, name }) => service === KEYCHAIN_SERVICES.sessions && name !== CANARY_NAME).length;
    },
  };
  return {
    fake,
    store,
    vault,
    control,
    /** The entry of one account (the first one when none is named), read past any lock. */
    peek: async (serverUrl?: string, email?: string): Promise<StoredSession | null> =>
      sessions().find(({ session }) => !serverUrl || (session.serverUrl === serverUrl && session.email === email))?.session ?? null,
    /** The accounts that have a session entry. */
    accounts: async (): Promise<AccountRef[]> => sessions().map(({ session: { serverUrl, email } }) => ({ serverUrl, email })),
    /** Writes an account's session entry directly (as a launch before this one left it). */
    seed: (accountId: string, session: StoredSession) => fake.put(KEYCHAIN_SERVICES.sessions, accountId, JSON.stringify(session)),
  };
}
