// The session, end to end on real things: a REAL NocoDB (started by the global setup, or the user's
// own through NOCODB_URL) and the REAL keychain (the test run's own gnome-keyring, see desktop-setup.ts).
// Each "launch" builds the app's handlers afresh on a new keytar store, as main.ts does at start-up.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/create-handlers.ts';
import type { Handlers } from '../../main/ipc-router.ts';
import { CANARY_NAME } from '../../main/keychain/keychain.ts';
import { parseStoredSession } from '../../main/keychain/keychain-secret-store.ts';
import { createMemorySecretStore } from '../../main/keychain/memory-secret-store.ts';
import { createMemoryTokenVault } from '../../main/keychain/memory-token-vault.ts';
import { createOsKeychain } from '../../main/keychain/os-keychain.ts';
import type { StoredSession } from '../../main/ports.ts';
import { desktopAppPorts } from '../support/desktop-app-ports.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { shownId } from '../support/shown-account.ts';
import { startNodeWorker } from '../support/keychain-worker.ts';
import { clearKeychain, keychainEntries, keytarInWorker } from '../support/keychain-reader.ts';

const SERVICES = { sessions: `NocoDB test session ${randomUUID()}`, tokenCopies: `NocoDB test token copy ${randomUUID()}` };
const SERVICE = SERVICES.sessions;

/** The app's session entries in the keychain now (its own check entry aside): account id → session. */
async function sessionEntries(): Promise<Array<{ id: string; text: string; session: StoredSession | null }>> {
  return (await keychainEntries(SERVICE))
    .filter(({ account }) => account !== CANARY_NAME)
    .map(({ account, password }) => ({ id: account, text: password, session: parseStoredSession(password) }));
}
let dataDir: string;
// Its own user: signing out kills every JWT of the user, which would break other tests.
let user: NocodbCredentials;

function launch(): Handlers {
  return createHandlers(
    desktopAppPorts(dataDir, {
      secretStore: createOsKeychain({ services: SERVICES, startWorker: startNodeWorker() }).secretStore,
      fallbackSecretStore: createMemorySecretStore(),
      tokenVault: createMemoryTokenVault(),
    }),
  );
}

/** The stored JWT, re-encoded with an `exp` in the past: syntactically valid, and certainly expired. */
function expiredCopyOf(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const expired = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 })).toString('base64url');
  return `${header}.${expired}.${signature}`;
}

async function storedEntry(account: NocodbCredentials) {
  const entry = (await sessionEntries()).find(({ session }) => session?.email === account.email);
  if (!entry?.session) throw new Error('The keychain holds no session.');
  return { id: entry.id, session: entry.session };
}

const storedSession = async (account: NocodbCredentials = user) => (await storedEntry(account)).session;

/** Makes the next launch find an expired JWT, so it must refresh; returns what was stored before. */
async function expireStoredJwt() {
  const { id, session } = await storedEntry(user);
  await keytarInWorker().setPassword(SERVICE, id, JSON.stringify({ ...session, jwt: expiredCopyOf(session.jwt) }));
  return session;
}

const refreshStatus = async (refreshToken: string) =>
  (await fetch(`${user.url}/api/v1/auth/token/refresh`, { method: 'POST', headers: { cookie: `refresh_token=${refreshToken}` } })).status;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe('session on a real NocoDB and the real keychain', () => {
  beforeAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      throw new Error(
        'No D-Bus session, so no keychain: run through vitest, whose global setup starts one (test/support/desktop-setup.ts).',
      );
    }
    user = await signUpUser(realNocodb().url);
    dataDir = await mkdtemp(path.join(tmpdir(), 'nocodb-am-session-'));
  });

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return;
    await clearKeychain(SERVICE);
  });

  it('signs in and keeps the session in the keychain, without the password', async () => {
    const state = await launch()['session:sign-in']({ serverUrl: user.url, email: user.email, password: user.password });

    expect(state).toMatchObject({ status: 'signed_in', persistence: 'keychain', account: { email: user.email } });
    const entries = await sessionEntries();
    // Named by the account's opaque id; the value holds the server and email (to rebuild a lost list) and the tokens.
    expect(entries.map((entry) => entry.id)).toEqual([shownId(state)]);
    expect(entries[0]?.session).toMatchObject({ serverUrl: user.url, email: user.email });
    expect(entries[0]?.text).not.toContain(user.password);
  });

  it('is still signed in after a restart, from the keychain alone', async () => {
    const app = launch();

    const state = await app['session:get']();
    expect(state).toMatchObject({ status: 'signed_in', persistence: 'keychain', account: { email: user.email } });
    await expect(app['tokens:list']({ accountId: shownId(state), page: 1, pageSize: 10 })).resolves.toMatchObject({ page: 1 });
  });

  it('refreshes an expired session at launch and keeps the ROTATED refresh token in the keychain', async () => {
    const before = await expireStoredJwt();

    expect(await launch()['session:get']()).toMatchObject({ status: 'signed_in' });

    const after = await storedSession();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.jwt).not.toBe(before.jwt);
    expect(await refreshStatus(before.refreshToken)).toBe(400); // the old one is dead on the server

    // The next launch can refresh again only if the keychain holds the live refresh token.
    await expireStoredJwt();
    expect(await launch()['session:get']()).toMatchObject({ status: 'signed_in' });
  });

  it('restores a session at launch quickly (keychain read + one request), median of 20', async () => {
    const durations: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const app = launch();
      const startedAt = performance.now();
      const state = await app['session:get']();
      durations.push(performance.now() - startedAt);
      expect(state.status).toBe('signed_in');
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `Session restore at launch (keychain read + one request): median ${ms(median(durations))} of 20 ` +
        `(min ${ms(Math.min(...durations))}, max ${ms(Math.max(...durations))})`,
    );
    expect(median(durations)).toBeLessThan(2_000);
  });

  it('changes the password and stays signed in: the keychain holds the new pair, a restart needs no sign-in', async () => {
    const before = await storedSession();

    const first = launch();
    const accountId = shownId(await first['session:get']());
    const state = await first['profile:change-password']({
      accountId,
      currentPassword: user.password,
      newPassword: `${user.password}-new`,
    });

    expect(state).toMatchObject({ status: 'signed_in', persistence: 'keychain' });
    const after = await storedSession();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await refreshStatus(before.refreshToken)).toBe(400);
    const app = launch();
    expect(await app['session:get']()).toMatchObject({ status: 'signed_in', account: { email: user.email } });
    await expect(app['tokens:list']({ accountId, page: 1, pageSize: 10 })).resolves.toMatchObject({ page: 1 });
  });

  it('signs out, leaving no keychain entry and a session the server refuses', async () => {
    const { jwt } = await storedSession();

    const app = launch();
    const state = await app['accounts:remove']({ accountId: shownId(await app['session:get']()) });

    expect(state).toEqual({ status: 'signed_out', prefill: { serverUrl: user.url, email: user.email }, notice: null, accounts: [] });
    expect(await sessionEntries()).toEqual([]);
    const me = await fetch(`${user.url}/api/v1/auth/user/me`, { headers: { 'xc-auth': jwt } });
    expect(me.status === 401 || !('email' in ((await me.json()) as object))).toBe(true);
  });
});

describe('two accounts on a real NocoDB and the real keychain', () => {
  let ada: NocodbCredentials;
  let grace: NocodbCredentials;

  beforeAll(async () => {
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
      throw new Error('No D-Bus session, so no keychain: run inside `dbus-run-session` with an unlocked gnome-keyring (see .ci/run).');
    }
    const { url } = realNocodb();
    [ada, grace] = [await signUpUser(url), await signUpUser(url)];
    dataDir = await mkdtemp(path.join(tmpdir(), 'nocodb-am-accounts-'));
  });

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (!process.env['DBUS_SESSION_BUS_ADDRESS']) return;
    await clearKeychain(SERVICE);
  });

  const signIn = (app: Handlers, who: NocodbCredentials) =>
    app['session:sign-in']({ serverUrl: who.url, email: who.email, password: who.password });
  /** The token names of the account shown now, as its screen lists them. */
  const tokenNames = async (app: Handlers) => {
    const accountId = shownId(await app['session:get']());
    return (await app['tokens:list']({ accountId, page: 1, pageSize: 10 })).tokens.map((token) => token.name);
  };

  it("restart restores both; each lists its own tokens; Log Out of one leaves the other's entry and session working", async () => {
    const first = launch();
    const adaId = shownId(await signIn(first, ada));
    await first['tokens:create']({ accountId: adaId, name: 'ada token' });
    const graceId = shownId(await signIn(first, grace));
    await first['tokens:create']({ accountId: graceId, name: 'grace token' });
    expect((await sessionEntries()).map((entry) => entry.id).sort()).toEqual([adaId, graceId].sort());

    const restarted = launch();
    const state = await restarted['session:get']();
    expect(state).toMatchObject({ status: 'signed_in', account: { email: grace.email } });
    expect(state.accounts.map(({ email, status, active }) => ({ email, status, active }))).toEqual([
      { email: ada.email, status: 'signed_in', active: false },
      { email: grace.email, status: 'signed_in', active: true },
    ]);
    expect(await tokenNames(restarted)).toEqual(['grace token']);
    expect(state.accounts.map((account) => account.id)).toEqual([adaId, graceId]);
    await restarted['accounts:switch']({ accountId: adaId });
    expect(await tokenNames(restarted)).toEqual(['ada token']);

    const graceBefore = await storedSession(grace);
    const afterLogOut = await restarted['accounts:remove']({ accountId: adaId });

    expect(afterLogOut).toMatchObject({ status: 'signed_in', account: { email: grace.email } });
    expect((await sessionEntries()).map((entry) => entry.id)).toEqual([graceId]);
    expect(await tokenNames(restarted)).toEqual(['grace token']);
    expect((await storedSession(grace)).refreshToken).toBe(graceBefore.refreshToken);
    // Ada's session is dead on the server; Grace's, on the same server, is not.
    const me = await fetch(`${ada.url}/api/v1/auth/user/me`, { headers: { 'xc-auth': (await storedSession(grace)).jwt } });
    expect(((await me.json()) as { email?: string }).email).toBe(grace.email);

    const again = await launch()['session:get']();
    expect(again.accounts.map(({ email, status }) => ({ email, status }))).toEqual([{ email: grace.email, status: 'signed_in' }]);
  });
});
