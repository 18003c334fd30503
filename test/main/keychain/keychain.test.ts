// The one door to the keychain: one keytar call at a time, a time limit, and a locked keyring told
// apart from a missing entry (a locked GNOME keyring answers getPassword with null, like "no entry").
import { describe, expect, it } from 'vitest';
import { createKeychain } from '../../../main/keychain/keychain.ts';
import { createKeychainSecretStore } from '../../../main/keychain/keychain-secret-store.ts';
import type { KeytarCalls } from '../../../main/keychain/keytar-module.ts';
import { createFakeKeytar } from '../../support/fake-keytar.ts';

const SERVICE = 'NocoDB session (test)';

describe('keychain queue', () => {
  it('never has two keytar calls in flight, however many callers there are', async () => {
    const fake = createFakeKeytar();
    const keychain = createKeychain({ canaryService: SERVICE, loadKeytar: fake.loadKeytar });

    await Promise.all(Array.from({ length: 20 }, (_, n) => keychain.set(SERVICE, `entry-${n}`, `value-${n}`)));
    const values = await Promise.all(Array.from({ length: 20 }, (_, n) => keychain.get(SERVICE, `entry-${n}`)));

    expect(values).toEqual(Array.from({ length: 20 }, (_, n) => `value-${n}`));
    expect(fake.state.maxInFlight).toBe(1);
  });

  it('tells a locked keyring (null, and its write refused) from a missing entry (null, and its write accepted)', async () => {
    const fake = createFakeKeytar();
    const keychain = createKeychain({ canaryService: SERVICE, loadKeytar: fake.loadKeytar });
    await expect(keychain.ensureOpen()).resolves.toBeUndefined();

    fake.state.locked = true;
    expect(await keychain.get(SERVICE, 'anything')).toBeNull();
    await expect(keychain.ensureOpen()).rejects.toMatchObject({
      code: 'keychain_locked',
      message: 'Your keychain is locked — unlock it and choose Retry.',
    });

    fake.state.locked = false;
    await expect(keychain.ensureOpen()).resolves.toBeUndefined();
  });

  it('counts a call that never answers (an unlock prompt nobody sees) as locked, and refuses the next ones until it returns', async () => {
    let answer: (value: string | null) => void = () => {};
    const hanging: KeytarCalls = {
      getPassword: () => new Promise((resolve) => (answer = resolve)),
      setPassword: async () => {},
      deletePassword: async () => true,
    };
    const keychain = createKeychain({ canaryService: SERVICE, loadKeytar: async () => hanging, timeoutMs: 20 });

    await expect(keychain.get(SERVICE, 'a')).rejects.toMatchObject({ code: 'keychain_locked' });
    await expect(keychain.set(SERVICE, 'b', 'x')).rejects.toMatchObject({ code: 'keychain_locked' });

    answer('late');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(keychain.set(SERVICE, 'b', 'x')).resolves.toBe(true);
  });

  it('answers keychain_unavailable without the cause when there is no Secret Service', async () => {
    const fake = createFakeKeytar();
    fake.state.unavailable = true;
    const keychain = createKeychain({ canaryService: SERVICE, loadKeytar: fake.loadKeytar });

    const failure = (await keychain.get(SERVICE, 'a').catch((error: unknown) => error)) as Error & { code: string };
    expect(failure).toMatchObject({ code: 'keychain_unavailable' });
    expect(failure.message).not.toMatch(/org\.freedesktop/);
  });

  it('stop ends keytar’s worker; a later call starts it again', async () => {
    const fake = createFakeKeytar();
    let resets = 0;
    const keychain = createKeychain({
      canaryService: SERVICE,
      loadKeytar: async () => ({ ...fake.keytar, reset: () => void (resets += 1) }),
    });
    await keychain.set(SERVICE, 'a', 'x');
    keychain.stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(resets).toBe(1);
    expect(await keychain.get(SERVICE, 'a')).toBe('x');
  });
});

describe('warming the keychain up at launch', () => {
  it('loads keytar before the first read; a locked keyring found then is still told by that read', async () => {
    const fake = createFakeKeytar();
    let loads = 0;
    const loadKeytar = () => ((loads += 1), fake.loadKeytar());
    const store = createKeychainSecretStore(createKeychain({ canaryService: SERVICE, loadKeytar }), SERVICE);
    fake.state.locked = true;

    store.warmUp?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(1);

    await expect(store.load('account-1')).rejects.toMatchObject({ code: 'keychain_locked' });
    expect(loads).toBe(1);
  });
});
