// Several accounts in main: add, renew, switch, Log Out of one, restore at launch (one server
// down), the 20-account limit, orphan cleanup, and a slow call that outlives a switch.
import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import type { NocoClient } from '../../../main/nocodb/types.ts';
import { MAX_ACCOUNTS, type SessionState } from '../../../preload/contract.ts';
import type { InMemoryNoco } from '../../support/in-memory-noco-client.ts';
import {
  EMAIL,
  GRACE,
  PASSWORD,
  SERVER,
  SERVER_B,
  idOf,
  nameOf,
  onShown,
  sessionHarness,
  signOutShown,
  tokenServiceOn,
  tokensFromShownScreen,
} from './accounts-harness.ts';

type Harness = ReturnType<typeof sessionHarness>;

const ADA_ID = `${SERVER} ${EMAIL}`;
const GRACE_ID = `${SERVER} ${GRACE.email}`;
const ADA_B_ID = `${SERVER_B} ${EMAIL}`;

const signInAda = (h: Harness) => h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
const signInGrace = (h: Harness) => h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
const signInAdaOnB = (h: Harness) => h.service.signIn({ serverUrl: SERVER_B, email: EMAIL, password: PASSWORD });

const activeEmail = (state: SessionState) => (state.status === 'signed_in' ? `${state.account.serverUrl} ${state.account.email}` : null);
// Ids are opaque: the tests name accounts "server email".
const listed = (state: SessionState) => state.accounts.map((entry) => ({ id: nameOf(entry), status: entry.status, active: entry.active }));

const tokensOn = (h: Harness) => tokensFromShownScreen(h.service, tokenServiceOn(h.service));

/** Lets the test hold one method of a server (for clients made from now on) until it releases the calls. */
function holdCalls(server: InMemoryNoco, method: 'listTokens' | 'refresh') {
  const control = { gate: Promise.resolve(), release: () => {}, argsSeen: [] as string[] };
  const serverClient = server.client;
  server.client = (serverUrl): NocoClient => {
    const client = serverClient(serverUrl);
    const original = client[method] as (first: string, ...rest: unknown[]) => Promise<unknown>;
    return {
      ...client,
      [method]: async (first: string, ...rest: unknown[]) => {
        control.argsSeen.push(first);
        await control.gate;
        return original(first, ...rest);
      },
    };
  };
  return Object.assign(control, {
    /** Holds the next calls until `release`. */
    hold() {
      control.argsSeen = [];
      control.gate = new Promise<void>((resolve) => (control.release = resolve));
    },
  });
}

describe('adding accounts', () => {
  it('keeps the previous account signed in; another email on the same server and the same email on another server are new accounts', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInGrace(h);

    const state = await signInAdaOnB(h);

    expect(activeEmail(state)).toBe(ADA_B_ID);
    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'signed_in', active: false },
      { id: GRACE_ID, status: 'signed_in', active: false },
      { id: ADA_B_ID, status: 'signed_in', active: true },
    ]);
    expect((await h.keychain.accounts()).length).toBe(3);
    expect(h.settingsFile.content).toMatchObject({
      accounts: [
        { serverUrl: SERVER, email: EMAIL },
        { serverUrl: SERVER, email: GRACE.email },
        { serverUrl: SERVER_B, email: EMAIL },
      ],
      lastAccount: { serverUrl: SERVER_B, email: EMAIL },
    });
    expect(JSON.stringify(h.settingsFile.content)).not.toMatch(/jwt|refresh|password|horse/i);
  });

  it('renews an account that is already listed, in place, with one keychain entry and the new session', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInGrace(h);
    const before = await h.keychain.peek(SERVER, EMAIL);

    const state = await h.service.signIn({ serverUrl: `${SERVER}/`, email: 'ADA@example.com', password: PASSWORD });

    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'signed_in', active: true },
      { id: GRACE_ID, status: 'signed_in', active: false },
    ]);
    expect((await h.keychain.accounts()).length).toBe(2);
    expect((await h.keychain.peek(SERVER, EMAIL))?.refreshToken).not.toBe(before?.refreshToken);
  });

  it(`refuses account ${MAX_ACCOUNTS + 1} with a clear message before the password is sent, but still renews a listed one`, async () => {
    const h = sessionHarness();
    for (let n = 1; n <= MAX_ACCOUNTS; n += 1) {
      h.noco.addUser(`user${n}@example.com`, PASSWORD);
      await h.service.signIn({ serverUrl: SERVER, email: `user${n}@example.com`, password: PASSWORD });
    }
    const signInsBefore = h.noco.calls.signIn;

    await expect(signInAda(h)).rejects.toMatchObject({ code: 'account_limit', message: expect.stringMatching(/up to 20 accounts/) });

    expect(h.noco.calls.signIn).toBe(signInsBefore);
    expect((await h.service.getState()).accounts).toHaveLength(MAX_ACCOUNTS);
    await expect(h.service.signIn({ serverUrl: SERVER, email: 'user3@example.com', password: PASSWORD })).resolves.toMatchObject({
      status: 'signed_in',
    });
  });
});

describe('switching', () => {
  it('makes the chosen account active, remembers it, and sends the next call to it', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);

    const state = await h.service.switchTo(await idOf(h.service, ADA_ID));

    expect(activeEmail(state)).toBe(ADA_ID);
    // Written after the answer (the switch waits for no disk), in the order of the changes.
    await vi.waitFor(() => expect(h.settingsFile.content).toMatchObject({ lastAccount: { serverUrl: SERVER, email: EMAIL } }));
    const listBefore = h.noco.calls.listTokens;
    await onShown(h.service, (client, jwt) => client.listTokens(jwt, { limit: 1, offset: 0 }));
    expect(h.noco.calls.listTokens).toBe(listBefore + 1);
    expect(h.nocoB.calls.listTokens).toBe(0);
  });

  it('refuses an id that is not listed, and changes nothing', async () => {
    const h = sessionHarness();
    await signInAda(h);

    await expect(h.service.switchTo('mallory')).rejects.toMatchObject({ code: 'unknown_account' });
    expect(activeEmail(await h.service.getState())).toBe(ADA_ID);
  });

  it('a slow list started before a switch finishes on ITS account: its JWT, its rows, its cached values', async () => {
    const h = sessionHarness();
    const held = holdCalls(h.noco, 'listTokens');
    const tokens = tokensOn(h);
    await signInGrace(h);
    const { id: graceToken } = await tokens.create({ name: 'grace only' });
    await signInAda(h);
    await tokens.create({ name: 'ada only' });
    await h.service.switchTo(await idOf(h.service, GRACE_ID));
    held.hold();

    const slowList = tokens.list({ page: 1, pageSize: 10 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.service.switchTo(await idOf(h.service, ADA_ID));
    held.release();
    const page = await slowList;

    expect(page.tokens.map((token) => token.name)).toEqual(['grace only']);
    expect(held.argsSeen).toEqual([(await h.keychain.peek(SERVER, GRACE.email))?.jwt]);
    // Grace's value was cached for Grace, not for Ada, who is active now.
    await expect(tokens.reveal({ id: graceToken })).rejects.toMatchObject({ code: 'not_found' });
    await h.service.switchTo(await idOf(h.service, GRACE_ID));
    expect(h.noco.ownerOf(await tokens.reveal({ id: graceToken }))).toBe('grace@example.com');
  });

  it('a refresh needed by a slow call after a switch rotates and stores ITS account only', async () => {
    const h = sessionHarness();
    const held = holdCalls(h.noco, 'listTokens');
    await signInAda(h);
    await signInGrace(h);
    await h.service.switchTo(await idOf(h.service, ADA_ID));
    const adaBefore = await h.keychain.peek(SERVER, EMAIL);
    const graceBefore = await h.keychain.peek(SERVER, GRACE.email);
    h.noco.rejectCurrentJwts();
    held.hold();

    const slow = onShown(h.service, (client, jwt) => client.listTokens(jwt, { limit: 1, offset: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.service.switchTo(await idOf(h.service, GRACE_ID));
    held.release();
    await slow;

    // The first try (dead JWT) was held across the switch; its retry after the refresh used Ada's new JWT.
    expect(held.argsSeen).toEqual([adaBefore?.jwt, (await h.keychain.peek(SERVER, EMAIL))?.jwt]);
    expect((await h.keychain.peek(SERVER, EMAIL))?.refreshToken).not.toBe(adaBefore?.refreshToken);
    expect(await h.keychain.peek(SERVER, GRACE.email)).toEqual(graceBefore);
    expect(activeEmail(await h.service.getState())).toBe(GRACE_ID);
  });
});

describe('every call names its account', () => {
  it('runs on the account it names, whichever one is shown', async () => {
    const h = sessionHarness();
    const service = tokenServiceOn(h.service);
    await signInGrace(h);
    const graceId = await idOf(h.service, GRACE_ID);
    await service.create({ accountId: graceId, name: 'grace only' });
    await signInAdaOnB(h); // shown now

    const page = await service.list({ accountId: graceId, page: 1, pageSize: 10 });

    expect(page.tokens.map((token) => token.name)).toEqual(['grace only']);
    expect(h.nocoB.calls.listTokens).toBe(0);
    expect(activeEmail(await h.service.getState())).toBe(ADA_B_ID);
  });

  it('refuses an id no account has with unknown_account, and an account without a live session with account_not_signed_in', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);
    h.nocoB.failures.me = new AppFailure('server_unreachable', 'The server cannot be reached.');
    h.clock.now += 11 * 3600_000;
    const restarted = h.launch();
    const unreachableId = await idOf(restarted, ADA_B_ID);
    const callsBefore = h.noco.calls.listTokens + h.nocoB.calls.listTokens;

    await expect(restarted.pin('no-such-account')).rejects.toMatchObject({ code: 'unknown_account' });
    await expect(restarted.pin(unreachableId)).rejects.toMatchObject({ code: 'account_not_signed_in' });
    await expect(restarted.logOut('no-such-account')).rejects.toMatchObject({ code: 'unknown_account' });
    expect(h.noco.calls.listTokens + h.nocoB.calls.listTokens).toBe(callsBefore);
    expect(listed(await restarted.getState()).map((entry) => entry.id)).toEqual([ADA_ID, ADA_B_ID]);
  });

  it('keeps each account its opaque id across restarts, and gives a re-added account a new one', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInGrace(h);
    const ids = (await h.service.getState()).accounts.map((account) => account.id);

    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).not.toContain('@');
    expect((await h.launch().getState()).accounts.map((account) => account.id)).toEqual(ids);
    await h.service.logOut(ids[0]!);
    await signInAda(h);
    expect((await h.service.getState()).accounts.map((account) => account.id)).not.toContain(ids[0]);
  });
});

describe('Log Out of one account', () => {
  it('ends the active account only (server, keychain entry, cached values) and opens the next signed-in one', async () => {
    const h = sessionHarness();
    const tokens = tokensOn(h);
    const ends: unknown[] = [];
    h.service.onAccountEnded(({ serverUrl, email }, why) => void ends.push({ serverUrl, email, why }));
    h.service.onAccountEnded((account) => tokens.forgetValues(account.id));
    await signInAda(h);
    const { id } = await tokens.create({ name: 'ada token' });
    await signInGrace(h);
    await signInAdaOnB(h);
    await h.service.switchTo(await idOf(h.service, ADA_ID));

    const state = await signOutShown(h.service);

    expect(activeEmail(state)).toBe(GRACE_ID);
    expect(listed(state).map((entry) => entry.id)).toEqual([GRACE_ID, ADA_B_ID]);
    expect(await h.keychain.peek(SERVER, EMAIL)).toBeNull();
    expect(await h.keychain.peek(SERVER, GRACE.email)).not.toBeNull();
    expect(ends).toEqual([{ serverUrl: SERVER, email: EMAIL, why: 'logged_out' }]);
    // Grace's session still works on the same server, although Ada's ended there.
    await expect(tokens.list({ page: 1, pageSize: 10 })).resolves.toMatchObject({ tokens: [] });
    await signInAda(h);
    await expect(tokens.reveal({ id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('logs out of an account that is not active from the overview, keeping the active one', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);

    const state = await h.service.logOut(await idOf(h.service, ADA_ID));

    expect(activeEmail(state)).toBe(ADA_B_ID);
    expect(listed(state)).toEqual([{ id: ADA_B_ID, status: 'signed_in', active: true }]);
    expect(h.noco.liveRefreshTokens()).toEqual([]);
    expect(await h.keychain.accounts()).toEqual([{ serverUrl: SERVER_B, email: EMAIL }]);
  });

  it('shows the sign-in screen, prefilled with the last account, when none is left', async () => {
    const h = sessionHarness();
    await signInAda(h);

    expect(await signOutShown(h.service)).toEqual({
      status: 'signed_out',
      prefill: { serverUrl: SERVER, email: EMAIL },
      notice: null,
      accounts: [],
    });
    expect(h.settingsFile.content).toMatchObject({ accounts: [], lastAccount: { serverUrl: SERVER, email: EMAIL } });
  });
});

describe('launch', () => {
  async function twoAccountsThenRestart(h: Harness) {
    await signInAda(h);
    await signInAdaOnB(h);
    await h.service.switchTo(await idOf(h.service, ADA_ID));
    return h.launch();
  }

  it('restores every account, each with its own refresh, and opens the last active one', async () => {
    const h = sessionHarness();
    const restarted = await twoAccountsThenRestart(h);
    h.clock.now += 11 * 3600_000; // both JWTs expired

    const state = await restarted.getState();

    expect(activeEmail(state)).toBe(ADA_ID);
    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'signed_in', active: true },
      { id: ADA_B_ID, status: 'signed_in', active: false },
    ]);
    expect(h.noco.calls.refresh).toBe(1);
    expect(h.nocoB.calls.refresh).toBe(1);
  });

  it('restores the shown account first, then the others in parallel, not one after the other', async () => {
    const h = sessionHarness();
    await signInGrace(h);
    const restarted = await twoAccountsThenRestart(h); // Ada on A is shown
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    for (const [server, name] of [
      [h.noco, 'A'],
      [h.nocoB, 'B'],
    ] as const) {
      const serverClient = server.client;
      server.client = (serverUrl) => {
        const client = serverClient(serverUrl);
        return {
          ...client,
          me: async (jwt) => {
            const who = `${name} ${(await client.me(jwt)).email}`;
            started.push(who);
            await new Promise<void>((resolve) => gates.set(who, resolve));
            return client.me(jwt);
          },
        };
      };
    }
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

    const launching = restarted.getState();
    await tick();
    expect(started).toEqual([`A ${EMAIL}`]);
    gates.get(`A ${EMAIL}`)!();
    await tick();
    // Both others are on their way at once: neither waits for the other's server.
    expect(started.slice(1).sort()).toEqual([`A ${GRACE.email}`, `B ${EMAIL}`]);
    for (const release of gates.values()) release();
    expect(activeEmail(await launching)).toBe(ADA_ID);
  });

  it('with the last active server down: opens another account, lists the down one for Retry, keeps its entry, and never signs it in by itself', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h); // the last active one
    h.nocoB.failures.me = new AppFailure('server_unreachable', 'The server cannot be reached.');
    h.clock.now += 11 * 3600_000;
    const restarted = h.launch();

    const state = await restarted.getState();

    expect(activeEmail(state)).toBe(ADA_ID);
    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'signed_in', active: true },
      { id: ADA_B_ID, status: 'unreachable', active: false },
    ]);
    expect(state.accounts[1]?.problemError?.message).toBe('The server cannot be reached.');
    expect(await h.keychain.peek(SERVER_B, EMAIL)).not.toBeNull();

    delete h.nocoB.failures.me;
    const meCalls = h.nocoB.calls.me;
    await restarted.getState();
    await onShown(restarted, (client, jwt) => client.listTokens(jwt, { limit: 1, offset: 0 }));
    await signOutShown(restarted);
    expect(h.nocoB.calls.me).toBe(meCalls);
    expect(listed(await restarted.getState())).toEqual([{ id: ADA_B_ID, status: 'unreachable', active: false }]);

    const retried = await restarted.retry(await idOf(restarted, ADA_B_ID));
    expect(activeEmail(retried)).toBe(ADA_B_ID);
    expect(listed(retried)).toEqual([{ id: ADA_B_ID, status: 'signed_in', active: true }]);
  });

  it('Log Out of an account that could not be restored removes its keychain entry, so no later launch revives it', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);
    h.nocoB.failures.me = new AppFailure('server_unreachable', 'The server cannot be reached.');
    h.clock.now += 11 * 3600_000;
    const restarted = h.launch();
    await restarted.getState();

    await restarted.logOut(await idOf(restarted, ADA_B_ID));
    delete h.nocoB.failures.me;

    expect(await h.keychain.peek(SERVER_B, EMAIL)).toBeNull();
    const next = await h.launch().getState();
    expect(listed(next)).toEqual([{ id: ADA_ID, status: 'signed_in', active: true }]);
  });

  it('deletes nothing at launch (an entry the list does not name stays) and lists an account without an entry as signed out', async () => {
    const h = sessionHarness();
    await signInAda(h);
    const orphan = { serverUrl: SERVER, email: 'orphan@example.com', jwt: 'a.b.c', refreshToken: 'r' };
    h.keychain.seed('orphan-id', orphan);
    h.settingsFile.content = {
      accounts: [
        { id: await idOf(h.service, ADA_ID), serverUrl: SERVER, email: EMAIL },
        { id: 'never-stored', serverUrl: SERVER_B, email: EMAIL },
      ],
      lastAccount: { serverUrl: SERVER, email: EMAIL },
      keychainMigrated: true,
    };

    const state = await h.launch().getState();

    expect(await h.keychain.accounts()).toEqual([
      { serverUrl: SERVER, email: EMAIL },
      { serverUrl: SERVER, email: 'orphan@example.com' },
    ]);
    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'signed_in', active: true },
      { id: ADA_B_ID, status: 'session_ended', active: false },
    ]);
  });

  it('an account whose refresh is refused while it is not active ends alone; the active one carries on', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);
    const restarted = h.launch();
    h.clock.now += 11 * 3600_000;
    h.noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');

    const state = await restarted.getState();

    expect(activeEmail(state)).toBe(ADA_B_ID);
    expect(listed(state)).toEqual([
      { id: ADA_ID, status: 'session_ended', active: false },
      { id: ADA_B_ID, status: 'signed_in', active: true },
    ]);
    expect(await h.keychain.peek(SERVER, EMAIL)).toBeNull();
  });

  it('Log Out of an account during its Retry: the refresh that lands afterwards does not write its entry back', async () => {
    const h = sessionHarness();
    await signInAda(h);
    await signInAdaOnB(h);
    h.nocoB.failures.me = new AppFailure('server_unreachable', 'The server cannot be reached.');
    h.clock.now += 11 * 3600_000;
    const held = holdCalls(h.nocoB, 'refresh');
    const restarted = h.launch();
    await restarted.getState();
    delete h.nocoB.failures.me;
    h.clock.now += 11 * 3600_000; // so the Retry starts with a refresh
    held.hold();

    const retrying = restarted.retry(await idOf(restarted, ADA_B_ID));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held.argsSeen).toHaveLength(1);
    const removed = await restarted.logOut(await idOf(restarted, ADA_B_ID));
    held.release();
    await retrying;

    expect(listed(removed).map((entry) => entry.id)).toEqual([ADA_ID]);
    expect(await h.keychain.peek(SERVER_B, EMAIL)).toBeNull();
    expect(listed(await restarted.getState()).map((entry) => entry.id)).toEqual([ADA_ID]);
  });
});
