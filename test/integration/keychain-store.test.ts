// The keytar store against a REAL Secret Service (the test run's own unlocked gnome-keyring, see
// test/support/desktop-setup.ts), and the app's behaviour when no Secret Service exists.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { createOsKeychain } from '../../main/keychain/os-keychain.ts';
import { startFakeNocodb } from '../support/fake-nocodb.ts';
import type { ChildRequest } from './keychain-unavailable-child.ts';
import { startNodeWorker } from '../support/keychain-worker.ts';
import { clearKeychain, keychainEntries, keytarInWorker, stopKeychainReader } from '../support/keychain-reader.ts';

const SERVICES = { sessions: `NocoDB test session ${randomUUID()}`, tokenCopies: `NocoDB test token copy ${randomUUID()}` };
const SERVER = 'http://127.0.0.1:8080';
const session = (email: string, n: number) => ({ serverUrl: SERVER, email, jwt: `jwt.${n}.sig`, refreshToken: `refresh-${n}` });
const value = (n: number) => `${'V'.repeat(39)}${n}`;
/** The app's keychain on the real Secret Service, as main.ts builds it; a new one is a restart. */
const osKeychain = () => createOsKeychain({ services: SERVICES, startWorker: startNodeWorker() });

/** Every copy is still wanted when the keychain writes it. */
const wanted = async () => true;

describe('the keychain on the real Secret Service', () => {
  beforeAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      throw new Error(
        'No D-Bus session, so no Secret Service: run this suite through vitest, whose global setup starts one (test/support/desktop-setup.ts).',
      );
    }
    // Fails loudly (keychain_unavailable / keychain_locked) when the bus has no Secret Service or the keyring is locked.
    await osKeychain().secretStore.check();
  });

  afterAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return; // nothing was stored; beforeAll already failed
    await clearKeychain(...Object.values(SERVICES));
    stopKeychainReader();
  });

  it('keeps one session entry per account id, which a NEW instance reads back (a restart)', async () => {
    await osKeychain().secretStore.save('ada-id', session('ada@example.com', 1));
    await osKeychain().secretStore.save('ada-id', session('ada@example.com', 2));
    await osKeychain().secretStore.save('grace-id', session('grace@example.com', 3));

    const restarted = osKeychain().secretStore;
    expect(await restarted.load('ada-id')).toEqual({ status: 'ok', session: session('ada@example.com', 2) });
    expect(await restarted.load('grace-id')).toEqual({ status: 'ok', session: session('grace@example.com', 3) });
    expect(await restarted.load('nobody')).toEqual({ status: 'none' });
    expect(JSON.parse((await keytarInWorker().getPassword(SERVICES.sessions, 'ada-id'))!)).toEqual(session('ada@example.com', 2));
  });

  it('lists every session entry through the child process (to rebuild a lost list), skipping damaged ones', async () => {
    await keytarInWorker().setPassword(SERVICES.sessions, 'mallory-id', '{"jwt": "cut off');

    const entries = await osKeychain().secretStore.entries();

    expect(entries.map((entry) => entry.accountId).sort()).toEqual(['ada-id', 'grace-id']);
    expect(await osKeychain().secretStore.load('mallory-id')).toEqual({ status: 'damaged' });
  });

  it("removes one account's entry and leaves the others", async () => {
    await osKeychain().secretStore.remove('ada-id');

    expect(await keytarInWorker().getPassword(SERVICES.sessions, 'ada-id')).toBeNull();
    expect(await osKeychain().secretStore.load('grace-id')).toEqual({ status: 'ok', session: session('grace@example.com', 3) });
  });

  it('keeps one entry per token copy, read back by name per account; forgets one account’s, then all', async () => {
    const { tokenVault: vault } = osKeychain();
    await vault.put('ada-id', '1', value(1), wanted);
    await vault.put('ada-id', 'tk_2f', value(2), wanted);
    await vault.put('grace-id', '1', value(3), wanted);
    expect(await keytarInWorker().getPassword(SERVICES.tokenCopies, 'ada-id tk_2f')).toBe(value(2));

    const restarted = osKeychain().tokenVault;
    expect(await restarted.load('ada-id', ['1', 'tk_2f', '99'])).toEqual(
      new Map([
        ['1', value(1)],
        ['tk_2f', value(2)],
      ]),
    );

    await restarted.clear('ada-id');
    expect(await restarted.load('ada-id', ['1', 'tk_2f'])).toEqual(new Map());
    expect(await restarted.load('grace-id', ['1'])).toEqual(new Map([['1', value(3)]]));
    await restarted.clearAll();
    expect(await keychainEntries(SERVICES.tokenCopies)).toEqual([]);
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
      const request: ChildRequest = { services: SERVICES, dataDir, serverUrl: server.url, ...server.admin };
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
        persistenceProblem: { message: expect.stringMatching(/restart/) },
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
