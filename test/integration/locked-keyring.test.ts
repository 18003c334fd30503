// A REAL locked GNOME keyring, in a desktop of this test's own: a D-Bus session and a keyring
// daemon with a password and no unlock prompt (no display). There keytar's getPassword answers
// null, setPassword is refused, and findCredentials kills its process (atom/node-keytar#477) —
// which, before the keychain queue and its worker, was the app's process at every launch.
// Sign in twice with token copies kept, lock over D-Bus, relaunch: the app runs, shows the locked
// state and deletes nothing; unlock (restart the daemon with its password), Retry: all back.
// Then the account lifecycle's findings, each on this real keyring: a Log Out while locked stays done,
// a damaged list with a locked keyring loses no account, a bad entry harms only its own account.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/create-handlers.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createOsKeychain } from '../../main/keychain/os-keychain.ts';
import type { SessionState } from '../../preload/contract.ts';
import { desktopAppPorts } from '../support/desktop-app-ports.ts';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { idByEmail } from '../support/shown-account.ts';
import { startNodeWorker } from '../support/keychain-worker.ts';
import { ownsSecretService } from '../support/test-desktop.ts';

const KEYRING_PASSWORD = 'locked-keyring-test';
const SERVICES = { sessions: `NocoDB locked test session ${randomUUID()}`, tokenCopies: `NocoDB locked test token copy ${randomUUID()}` };
const GRACE = { email: 'grace@example.com', password: 'Grace-Password-1' };

/** A D-Bus session with a password-protected keyring and no prompter (no display, no service activation of one). */
async function privateKeyring() {
  const root = mkdtempSync(path.join(tmpdir(), 'nocodb-am-locked-'));
  const xdg = ['data', 'config', 'cache', 'runtime'].map((name) => path.join(root, name));
  for (const dir of xdg) mkdirSync(dir, { mode: 0o700 });
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: root,
    XDG_DATA_HOME: xdg[0]!,
    XDG_CONFIG_HOME: xdg[1]!,
    XDG_CACHE_HOME: xdg[2]!,
    XDG_RUNTIME_DIR: xdg[3]!,
  };
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${root}/bus`], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  env['DBUS_SESSION_BUS_ADDRESS'] = await new Promise<string>((resolve) =>
    bus.stdout!.once('data', (data) => resolve(String(data).trim())),
  );
  let daemon: ChildProcess | null = null;
  /** Waits until the bus says whether the keyring owns the Secret Service name. */
  async function waitForSecrets(owned: boolean) {
    const deadline = Date.now() + 15_000;
    while (ownsSecrets() !== owned) {
      if (Date.now() > deadline) throw new Error(`The keyring daemon did not ${owned ? 'start' : 'stop'} within 15 s.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const ownsSecrets = () => ownsSecretService(env);
  /** Starts the daemon with its password on stdin: it creates, or unlocks, the login keyring. */
  async function startDaemon() {
    daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    daemon.stdin!.end(KEYRING_PASSWORD);
    await waitForSecrets(true);
  }
  async function stopDaemon() {
    const running = daemon;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGTERM');
    });
    await waitForSecrets(false);
  }
  const stop = async () => {
    await stopDaemon();
    bus.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await startDaemon();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    busAddress: env['DBUS_SESSION_BUS_ADDRESS'],
    lock() {
      const answer = spawnSync(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.secrets',
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.LockService',
        ],
        {
          env,
          encoding: 'utf8',
        },
      );
      if (answer.status !== 0) throw new Error(`LockService failed: ${answer.stderr}`);
    },
    /** Unlocking as a user would, with the keyring's password: the daemon restarted with it. */
    async unlock() {
      await stopDaemon();
      await startDaemon();
    },
    stop,
  };
}

describe('a locked keyring, for real', () => {
  let keyring: Awaited<ReturnType<typeof privateKeyring>>;
  let server: FakeNocodb;
  let dataDir: string;
  const busBefore = process.env['DBUS_SESSION_BUS_ADDRESS'];

  beforeAll(async () => {
    keyring = await privateKeyring();
    // The keytar worker inherits this: the app talks to this test's keyring only.
    process.env['DBUS_SESSION_BUS_ADDRESS'] = keyring.busAddress;
    server = await startFakeNocodb({ generation: '2026' }); // shows tokens once: the app keeps copies
    server.addUser(GRACE);
    dataDir = mkdtempSync(path.join(tmpdir(), 'nocodb-am-locked-data-'));
  });

  afterAll(async () => {
    process.env['DBUS_SESSION_BUS_ADDRESS'] = busBefore;
    await server?.close();
    await keyring?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The app's handlers as main.ts builds them at start-up (a new call is a relaunch). */
  const launchOn = (folder: string, services: typeof SERVICES) =>
    createHandlers(
      desktopAppPorts(folder, {
        ...createOsKeychain({ services, startWorker: startNodeWorker(), timeoutMs: 10_000 }),
        fallbackSecretStore: createMemorySecretStore(),
      }),
    );
  const launch = () => launchOn(dataDir, SERVICES);

  /** A data folder and keychain services of one test's own, with Ada (admin) and Grace signed in. */
  async function twoSignedIn() {
    const folder = mkdtempSync(path.join(tmpdir(), 'nocodb-am-lifecycle-'));
    const services = { sessions: `NocoDB lifecycle session ${randomUUID()}`, tokenCopies: `NocoDB lifecycle copy ${randomUUID()}` };
    const app = launchOn(folder, services);
    await app['session:sign-in']({ serverUrl: server.url, ...server.admin });
    const state = await app['session:sign-in']({ serverUrl: server.url, ...GRACE });
    const ids = { admin: idByEmail(state, server.admin.email), grace: idByEmail(state, GRACE.email) };
    /** A session entry as the real keyring holds it now (the keyring must be unlocked). */
    const entry = (id: string) => createOsKeychain({ services, startWorker: startNodeWorker() }).secretStore.load(id);
    return { folder, services, ids, relaunch: () => launchOn(folder, services), entry };
  }
  const statusOf = (state: SessionState) => Object.fromEntries(state.accounts.map(({ id, status }) => [id, status]));

  it('relaunched on a locked keyring the app runs, shows the locked state and deletes nothing; after unlocking, Retry brings both sessions and their copies back', async () => {
    const first = launch();
    const people = [server.admin, GRACE];
    const copies = new Map<string, string>();
    let state: SessionState | null = null;
    for (const person of people) {
      state = await first['session:sign-in']({ serverUrl: server.url, ...person });
      const accountId = idByEmail(state, person.email);
      const token = await first['tokens:create']({ accountId, name: `${person.email} copy` });
      expect(token.valueSource).toBe('keychain');
      copies.set(person.email, await first['tokens:reveal']({ accountId, id: token.id }));
    }
    const ids = state!.accounts.map((account) => account.id);

    keyring.lock();
    const relaunched = launch();
    const locked = await relaunched['session:get']();

    expect(locked).toMatchObject({
      status: 'signed_out',
      notice: { code: 'keychain_locked', message: 'Your keychain is locked — unlock it and choose Retry.' },
    });
    expect(locked.accounts.map(({ id, status }) => ({ id, status }))).toEqual(ids.map((id) => ({ id, status: 'keychain_locked' })));

    await keyring.unlock();
    // Retry acts on the one account it is chosen for: one Retry per card.
    const one = await relaunched['accounts:retry']({ accountId: ids[0]! });
    expect(one.accounts.map(({ status }) => status)).toEqual(['signed_in', 'keychain_locked']);
    const back = await relaunched['accounts:retry']({ accountId: ids[1]! });

    expect(back.accounts.map(({ id, status }) => ({ id, status }))).toEqual(ids.map((id) => ({ id, status: 'signed_in' })));
    for (const person of people) {
      const accountId = idByEmail(back, person.email);
      const page = await relaunched['tokens:list']({ accountId, page: 1, pageSize: 10 });
      const mine = page.tokens.find((token) => token.name === `${person.email} copy`);
      expect(mine?.valueSource).toBe('keychain');
      expect(await relaunched['tokens:reveal']({ accountId, id: mine!.id })).toBe(copies.get(person.email));
    }
    // And a launch after that finds everything as it was.
    const next = await launch()['session:get']();
    expect(next.accounts.map(({ id, status }) => ({ id, status }))).toEqual(ids.map((id) => ({ id, status: 'signed_in' })));
  });

  it('Log Out while the keyring is locked is written down, shows logging_out through a relaunch, and is finished after unlocking — never signed back in', async () => {
    const { folder, ids, relaunch, entry } = await twoSignedIn();
    keyring.lock();
    const app = relaunch();
    expect(statusOf(await app['session:get']())[ids.admin]).toBe('keychain_locked');

    const state = await app['accounts:remove']({ accountId: ids.admin });
    expect(statusOf(state)[ids.admin]).toBe('logging_out');
    expect(statusOf(await app['accounts:retry']({ accountId: ids.admin }))[ids.admin]).toBe('logging_out');
    expect(statusOf(await relaunch()['session:get']())[ids.admin]).toBe('logging_out');

    await keyring.unlock();
    const after = await relaunch()['session:get']();
    expect(Object.keys(statusOf(after))).toEqual([ids.grace]);
    expect((await entry(ids.admin)).status).toBe('none');
    expect((await entry(ids.grace)).status).toBe('ok');
    rmSync(folder, { recursive: true, force: true });
  });

  it('a damaged settings file with the keyring locked loses no account: not recovered (kept through a language change), all back after unlocking and the list’s Retry', async () => {
    const { folder, ids, relaunch } = await twoSignedIn();
    writeFileSync(path.join(folder, 'settings.json'), '{"accounts": [');
    keyring.lock();

    const app = relaunch();
    const state = await app['session:get']();
    expect(state.accounts).toEqual([]);
    expect(state.list).toBe('not_recovered');
    await app['settings:update']({ language: 'de' });
    expect((await relaunch()['session:get']()).list).toBe('not_recovered');

    await keyring.unlock();
    const back = await app['accounts:recover']();
    expect(statusOf(back)).toEqual({ [ids.admin]: 'signed_in', [ids.grace]: 'signed_in' });
    expect(statusOf(await relaunch()['session:get']())).toEqual({ [ids.admin]: 'signed_in', [ids.grace]: 'signed_in' });
    rmSync(folder, { recursive: true, force: true });
  });

  it('a keyring entry naming an unusable server makes only that account damaged_entry; the other restores, and nothing is deleted', async () => {
    const { folder, services, ids, relaunch, entry } = await twoSignedIn();
    const stored = await entry(ids.admin);
    if (stored.status !== 'ok') throw new Error('the entry was not written');
    const damaged = { ...stored.session, serverUrl: 'ftp://x' };
    await createOsKeychain({ services, startWorker: startNodeWorker() }).secretStore.save(ids.admin, damaged);

    const state = await relaunch()['session:get']();

    expect(statusOf(state)).toEqual({ [ids.admin]: 'damaged_entry', [ids.grace]: 'signed_in' });
    expect(await entry(ids.admin)).toEqual({ status: 'ok', session: damaged });
    rmSync(folder, { recursive: true, force: true });
  });
});
