// The keychain copies of created tokens against a REAL Secret Service (see .ci/run): their own
// keychain service, one entry per token, read back by a new instance (a restart), per account.
import keytar from 'keytar';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarTokenVault } from '../../main/session/keytar-token-vault.ts';

const SERVICE = `NocoDB Account Manager test tokens ${randomUUID()}`;
const ADA = { serverUrl: 'http://127.0.0.1:8080', email: 'ada@example.com' };
const GRACE = { serverUrl: 'http://127.0.0.1:8080', email: 'grace@example.com' };
const OTHER_SERVER = { serverUrl: 'https://nocodb.example.com', email: 'ada@example.com' };
const value = (n: number) => `${'V'.repeat(39)}${n}`;

describe('keytar token vault on the real keychain', () => {
  beforeAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      throw new Error('No D-Bus session, so no Secret Service: run this suite inside `dbus-run-session` with an unlocked gnome-keyring.');
    }
    await createKeytarTokenVault({ service: SERVICE }).load(ADA);
  });

  afterAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return;
    for (const { account } of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, account);
  });

  it('keeps one entry per token, holding only its value, that a NEW instance reads back per account', async () => {
    const vault = createKeytarTokenVault({ service: SERVICE });
    await vault.put(ADA, '1', value(1));
    await vault.put(ADA, 'tk_2f', value(2));
    await vault.put(GRACE, '1', value(3));
    await vault.put(OTHER_SERVER, '1', value(4));

    const entries = new Map((await keytar.findCredentials(SERVICE)).map((c) => [c.account, c.password]));
    expect(entries.get(`${ADA.serverUrl} ${ADA.email} 1`)).toBe(value(1));
    expect(entries.get(`${ADA.serverUrl} ${ADA.email} tk_2f`)).toBe(value(2));

    const restarted = createKeytarTokenVault({ service: SERVICE });
    expect(await restarted.load(ADA)).toEqual(
      new Map([
        ['1', value(1)],
        ['tk_2f', value(2)],
      ]),
    );
    expect(await restarted.load(GRACE)).toEqual(new Map([['1', value(3)]]));
    expect(await restarted.load(OTHER_SERVER)).toEqual(new Map([['1', value(4)]]));
  });

  it('removes one copy, then every copy of one account, then every copy of every account', async () => {
    const vault = createKeytarTokenVault({ service: SERVICE });
    await vault.put(ADA, '5', value(5));
    await vault.put(ADA, '6', value(6));
    await vault.put(GRACE, '7', value(7));

    await vault.remove(ADA, '5');
    expect([...(await vault.load(ADA)).keys()]).not.toContain('5');

    await vault.clear(ADA);
    expect(await vault.load(ADA)).toEqual(new Map());
    expect((await vault.load(GRACE)).get('7')).toBe(value(7));

    await vault.clearAll();
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
  });

  it('skips entries that are not a token copy of the account (damaged or foreign)', async () => {
    const vault = createKeytarTokenVault({ service: SERVICE });
    await keytar.setPassword(SERVICE, `${ADA.serverUrl} ${ADA.email} 8`, 'not a token');
    await keytar.setPassword(SERVICE, `${ADA.serverUrl} ${ADA.email} bad id`, value(9));
    await keytar.setPassword(SERVICE, 'something else', value(10));
    expect(await vault.load(ADA)).toEqual(new Map());
  });

  it('answers keychain_unavailable, never the cause, when keytar cannot be loaded', async () => {
    const vault = createKeytarTokenVault({ service: SERVICE, loadKeytar: () => Promise.reject(new Error(`secret ${value(11)}`)) });
    const failure = await vault.put(ADA, '1', value(11)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'keychain_unavailable' });
    expect(String((failure as Error).message)).not.toContain(value(11));
  });
});
