// The one-time move of the entries written before account ids, on a keychain that lists services as
// Windows does: findCredentials('NocoDB Account Manager') also matches 'NocoDB Account Manager API
// tokens', so the old layout read every token copy as an account. Today's names are no prefix of
// each other, and the move reads sessions by name.
import { describe, expect, it } from 'vitest';
import { createAccountsService } from '../../../main/accounts/accounts-service.ts';
import { createKeychain } from '../../../main/keychain/keychain.ts';
import { createKeychainMigration } from '../../../main/keychain/keychain-migration.ts';
import { KEYCHAIN_SERVICES, LEGACY_KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createKeychainSecretStore } from '../../../main/keychain/keychain-secret-store.ts';
import { createKeychainTokenVault } from '../../../main/keychain/keychain-token-vault.ts';
import { createMemorySecretStore } from '../../../main/keychain/memory-secret-store.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import { createFakeKeytar } from '../../support/fake-keytar.ts';
import { createInMemoryNoco } from '../../support/in-memory-noco-client.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';

const SERVER = 'http://127.0.0.1:8080';
const ADA = { serverUrl: SERVER, email: 'ada@example.com' };
const GRACE = { serverUrl: SERVER, email: 'grace@example.com' };
const COPY = 'C'.repeat(40);

/** A keychain as versions before account ids left it, on Windows; and the app launched on it. */
function legacyWindowsKeychain() {
  const fake = createFakeKeytar({ prefixMatch: true });
  const noco = createInMemoryNoco();
  noco.addUser(ADA.email, 'pw-ada', 'Ada');
  noco.addUser(GRACE.email, 'pw-grace', 'Grace');
  for (const account of [ADA, GRACE]) {
    const { jwt, refreshToken } = noco.issueSession(account.email);
    fake.put(LEGACY_KEYCHAIN_SERVICES.sessions, `${SERVER} ${account.email}`, JSON.stringify({ jwt, refreshToken }));
  }
  fake.put(LEGACY_KEYCHAIN_SERVICES.tokenCopies, `${SERVER} ${ADA.email} 7`, COPY);
  const settingsFile = memoryJsonFile({ clipboardClearSeconds: 30, accounts: [ADA, GRACE], lastAccount: ADA });
  const launch = () => {
    const keychain = createKeychain({ canaryService: KEYCHAIN_SERVICES.sessions, loadKeytar: fake.loadKeytar });
    const service = createAccountsService({
      secretStore: createKeychainSecretStore(keychain, KEYCHAIN_SERVICES.sessions),
      fallbackSecretStore: createMemorySecretStore(),
      settings: createSettingsService(settingsFile),
      createClient: (serverUrl) => noco.client(serverUrl),
      now: Date.now,
      log: () => {},
      migrateKeychain: createKeychainMigration({
        keychain,
        services: KEYCHAIN_SERVICES,
        legacy: LEGACY_KEYCHAIN_SERVICES,
      }),
    });
    return { service, vault: createKeychainTokenVault(keychain, KEYCHAIN_SERVICES.tokenCopies) };
  };
  return { fake, settingsFile, launch };
}

describe('keychain names and the move from the legacy layout', () => {
  it('uses service names that are no prefix of one another, nor of the legacy ones', () => {
    const names = [...Object.values(KEYCHAIN_SERVICES), ...Object.values(LEGACY_KEYCHAIN_SERVICES)];
    for (const name of Object.values(KEYCHAIN_SERVICES)) {
      for (const other of names.filter((candidate) => candidate !== name)) {
        expect(other.startsWith(name), `${other} starts with ${name}`).toBe(false);
        expect(name.startsWith(other), `${name} starts with ${other}`).toBe(false);
      }
    }
  });

  it('moves every session and token copy to the new names once, on a keychain that matches prefixes like Windows', async () => {
    const k = legacyWindowsKeychain();
    const { service, vault } = k.launch();

    const state = await service.getState();

    expect(state.accounts.map(({ email, status }) => ({ email, status }))).toEqual([
      { email: ADA.email, status: 'signed_in' },
      { email: GRACE.email, status: 'signed_in' },
    ]);
    const [adaId, graceId] = state.accounts.map((account) => account.id) as [string, string];
    expect([...k.fake.entries(KEYCHAIN_SERVICES.sessions).keys()].sort()).toEqual(['.keychain-check', adaId, graceId].sort());
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.sessions).size).toBe(0);
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.tokenCopies).size).toBe(0);
    expect(await vault.load(adaId, ['7'])).toEqual(new Map([['7', COPY]]));
    expect(k.settingsFile.content).toMatchObject({ keychainMigrated: true });

    // The next launch reads by name only: no listing, and the accounts are back.
    k.fake.put(LEGACY_KEYCHAIN_SERVICES.tokenCopies, `${SERVER} ${ADA.email} 8`, COPY);
    const again = await k.launch().service.getState();
    expect(again.accounts.map((account) => account.status)).toEqual(['signed_in', 'signed_in']);
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.tokenCopies).size).toBe(1);
  });

  it('with the keychain locked, moves nothing, deletes nothing, crashes nothing, and moves it all after Retry', async () => {
    const k = legacyWindowsKeychain();
    k.fake.state.locked = true;
    const { service } = k.launch();

    const locked = await service.getState();

    expect(locked.accounts.map((account) => account.status)).toEqual(['keychain_locked', 'keychain_locked']);
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.sessions).size).toBe(2);
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.tokenCopies).size).toBe(1);
    expect(k.fake.state.crashes).toBe(0);

    k.fake.state.locked = false;
    await service.retry(locked.accounts[0]!.id);
    const back = await service.retry(locked.accounts[1]!.id);

    expect(back.accounts.map((account) => account.status)).toEqual(['signed_in', 'signed_in']);
    expect(k.fake.entries(LEGACY_KEYCHAIN_SERVICES.sessions).size).toBe(0);
    expect(k.settingsFile.content).toMatchObject({ keychainMigrated: true });
  });
});

describe('the move never loses a newer entry', () => {
  const migrationOn = (fake: ReturnType<typeof createFakeKeytar>) =>
    createKeychainMigration({
      keychain: createKeychain({ canaryService: KEYCHAIN_SERVICES.sessions, loadKeytar: fake.loadKeytar }),
      services: KEYCHAIN_SERVICES,
      legacy: LEGACY_KEYCHAIN_SERVICES,
    });
  const ada = { id: 'ada-id', ...ADA };

  it('leaves an entry already under the new name as it is (a stale legacy one never replaces a live session)', async () => {
    const fake = createFakeKeytar();
    const live = JSON.stringify({ ...ADA, jwt: 'live-jwt', refreshToken: 'live-refresh' });
    fake.put(KEYCHAIN_SERVICES.sessions, ada.id, live);
    fake.put(LEGACY_KEYCHAIN_SERVICES.sessions, `${SERVER} ${ADA.email}`, JSON.stringify({ jwt: 'old-jwt', refreshToken: 'old-refresh' }));

    await migrationOn(fake)([ada]);

    expect(fake.peek(KEYCHAIN_SERVICES.sessions, ada.id)).toBe(live);
  });

  it('a delete that deleted nothing is not done: the move fails, to run again next launch', async () => {
    const fake = createFakeKeytar();
    fake.put(LEGACY_KEYCHAIN_SERVICES.sessions, `${SERVER} ${ADA.email}`, JSON.stringify({ jwt: 'old-jwt', refreshToken: 'old-refresh' }));
    fake.keytar.deletePassword = async () => false;

    await expect(migrationOn(fake)([ada])).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(fake.peek(LEGACY_KEYCHAIN_SERVICES.sessions, `${SERVER} ${ADA.email}`)).not.toBeNull();
  });
});
