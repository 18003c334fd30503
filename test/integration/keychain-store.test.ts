// The keytar store against a REAL Secret Service (the test run's own unlocked gnome-keyring, see
// test/support/desktop-setup.ts), and the app's behaviour when no Secret Service exists.
import keytar from 'keytar';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { createKeytarSecretStore } from '../../main/session/keytar-store.ts';
import { startFakeNocodb } from '../support/fake-nocodb.ts';
import type { ChildRequest } from './keychain-unavailable-child.ts';

const SERVICE = `NocoDB Account Manager test ${randomUUID()}`;
const SERVER = 'http://127.0.0.1:8080';
const session = (email: string, n: number) => ({ serverUrl: SERVER, email, jwt: `jwt.${n}.sig`, refreshToken: `refresh-${n}` });

describe('keytar secret store on the real keychain', () => {
  beforeAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      throw new Error(
        'No D-Bus session, so no Secret Service: run this suite through vitest, whose global setup starts one (test/support/desktop-setup.ts).',
      );
    }
    // Fails loudly (keychain_unavailable) when the bus has no Secret Service or the keyring is locked.
    await createKeytarSecretStore({ service: SERVICE }).accounts();
  });

  afterAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return; // nothing was stored; beforeAll already failed
    for (const { account } of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, account);
  });

  it('stores a session that a NEW store instance reads back (a simulated restart)', async () => {
    await createKeytarSecretStore({ service: SERVICE }).save(session('ada@example.com', 1));

    expect(await createKeytarSecretStore({ service: SERVICE }).load(SERVER, 'ada@example.com')).toEqual(session('ada@example.com', 1));
  });

  it('keeps one entry per account, holding only the refresh token and the JWT', async () => {
    const store = createKeytarSecretStore({ service: SERVICE });
    await store.save(session('ada@example.com', 2));
    await store.save(session('ada@example.com', 3));

    const entries = (await keytar.findCredentials(SERVICE)).filter((entry) => entry.account.endsWith('ada@example.com'));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.account).toBe(`${SERVER} ada@example.com`);
    expect(Object.keys(JSON.parse(entries[0]?.password ?? '{}')).sort()).toEqual(['jwt', 'refreshToken']);
    expect(await store.load(SERVER, 'ada@example.com')).toEqual(session('ada@example.com', 3));
  });

  it('holds several accounts side by side: the same email on another server is another entry', async () => {
    const store = createKeytarSecretStore({ service: SERVICE });
    const elsewhere = { ...session('ada@example.com', 4), serverUrl: 'https://nocodb.example.com' };
    await store.save(session('ada@example.com', 5));
    await store.save(session('grace@example.com', 6));
    await store.save(elsewhere);

    expect(await store.load(SERVER, 'ada@example.com')).toEqual(session('ada@example.com', 5));
    expect(await store.load(SERVER, 'grace@example.com')).toEqual(session('grace@example.com', 6));
    expect(await store.load('https://nocodb.example.com', 'ada@example.com')).toEqual(elsewhere);
    expect(await store.load(SERVER, 'nobody@example.com')).toBeNull();
  });

  it('lists every account with an entry, damaged ones too (so they can be removed), and skips foreign names', async () => {
    const store = createKeytarSecretStore({ service: SERVICE });
    await keytar.setPassword(SERVICE, `${SERVER} mallory@example.com`, '{"jwt": "cut off');
    await keytar.setPassword(SERVICE, 'no-space-here', JSON.stringify({ jwt: 'a', refreshToken: 'b' }));

    const accounts = await store.accounts();

    expect(accounts).toContainEqual({ serverUrl: SERVER, email: 'mallory@example.com' });
    expect(accounts.some((account) => account.email.includes('no-space-here') || account.serverUrl.includes('no-space-here'))).toBe(false);
    expect(await store.load(SERVER, 'mallory@example.com')).toBeNull();
  });

  it("removes one account's entry and leaves the others", async () => {
    const store = createKeytarSecretStore({ service: SERVICE });
    await store.save(session('ada@example.com', 7));
    await store.save(session('grace@example.com', 8));

    await store.remove(SERVER, 'ada@example.com');

    expect(await keytar.getPassword(SERVICE, `${SERVER} ada@example.com`)).toBeNull();
    expect(await store.load(SERVER, 'grace@example.com')).toEqual(session('grace@example.com', 8));
  });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('without any Secret Service (no D-Bus session)', () => {
  it('refuses with keychain_unavailable, signs in with a memory-only session, and writes no secret to disk', async () => {
    const server = await startFakeNocodb();
    const root = await mkdtemp(path.join(tmpdir(), 'nocodb-am-no-keychain-'));
    try {
      const dataDir = path.join(root, 'userData');
      for (const dir of ['home', 'data', 'config', 'cache']) await mkdir(path.join(root, dir));
      // No bus address and no display (with a display, D-Bus could autolaunch a session bus).
      const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = process.env;
      const child = fork(path.join(import.meta.dirname, 'keychain-unavailable-child.ts'), {
        env: {
          ...env,
          HOME: path.join(root, 'home'),
          XDG_DATA_HOME: path.join(root, 'data'),
          XDG_CONFIG_HOME: path.join(root, 'config'),
          XDG_CACHE_HOME: path.join(root, 'cache'),
        },
        execArgv: ['--no-warnings'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const request: ChildRequest = { service: SERVICE, dataDir, serverUrl: server.url, ...server.admin };
      const report = await new Promise<{ loadFailure: unknown; launchState: SessionState; state: SessionState; secrets: string[] }>(
        (resolve, reject) => {
          child.once('message', resolve as (message: unknown) => void);
          child.once('error', reject);
          child.once('exit', (code) => reject(new Error(`The child process exited with ${code} before reporting.`)));
          child.send(request);
        },
      );

      expect(report.loadFailure).toMatchObject({
        name: 'AppFailure',
        code: 'keychain_unavailable',
        message: expect.stringMatching(/Secret Service/),
      });
      expect(report.launchState).toMatchObject({ status: 'signed_out', notice: { code: 'keychain_unavailable' } });
      expect(report.state).toMatchObject({
        status: 'signed_in',
        persistence: 'memory',
        persistenceWarning: expect.stringMatching(/restart/),
      });
      expect(report.secrets).toHaveLength(4);
      for (const secret of report.secrets) expect(secret.length).toBeGreaterThan(7);

      const files = await filesUnder(root);
      expect(files).toContain(path.join(dataDir, 'settings.json')); // it did write, just nothing secret
      for (const file of files) {
        const content = await readFile(file, 'utf8');
        for (const secret of report.secrets) expect(content.includes(secret), `${file} holds a secret`).toBe(false);
      }
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
