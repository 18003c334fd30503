import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { EMAIL, PASSWORD, SERVER, STORED_ID, onShown, sessionHarness, shownId, signOutShown } from './accounts-harness.ts';

const ADA_ID = expect.any(String);

/** A token list from the screen of the account shown now. */
const listTokens = (h: ReturnType<typeof sessionHarness>) =>
  onShown(h.service, (client, jwt) => client.listTokens(jwt, { limit: 10, offset: 0 }));

describe('restoring the session at launch', () => {
  it('resumes with one `me` request and no refresh when the stored JWT is still good', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: 3600 });

    const state = await h.service.getState();

    expect(state).toEqual({
      status: 'signed_in',
      account: { serverUrl: SERVER, email: EMAIL, userId: 'us_1', displayName: 'Ada' },
      persistence: 'keychain',
      accounts: [{ id: ADA_ID, serverUrl: SERVER, email: EMAIL, displayName: 'Ada', status: 'signed_in', active: true }],
    });
    expect(h.noco.calls.me).toBe(1);
    expect(h.noco.calls.refresh).toBe(0);
  });

  it.each([
    ['already expired', -60],
    ['expiring within a minute', 30],
  ])('refreshes first when the JWT is %s, and stores the new pair before using it', async (_label, expiresIn) => {
    const h = sessionHarness({ storedJwtExpiresIn: expiresIn });
    const storedAtMe: string[] = [];
    const serverClient = h.noco.client;
    h.noco.client = (serverUrl) => {
      const client = serverClient(serverUrl);
      return {
        ...client,
        me: async (jwt) => {
          storedAtMe.push((await h.keychain.peek())?.jwt === jwt ? 'stored' : 'not stored');
          return client.me(jwt);
        },
      };
    };

    const state = await h.service.getState();

    expect(state.status).toBe('signed_in');
    expect(h.noco.calls.refresh).toBe(1);
    expect(storedAtMe).toEqual(['stored']);
    const kept = await h.keychain.peek();
    expect(kept?.refreshToken).not.toBe(h.stored?.refreshToken);
    expect(h.noco.liveRefreshTokens()).toEqual([kept?.refreshToken]);
  });

  it('counts a malformed stored JWT as expired', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: 3600 });
    const stored = await h.keychain.peek();
    await h.keychain.store.save(STORED_ID, { ...stored!, jwt: 'not-a-jwt' });

    expect((await h.service.getState()).status).toBe('signed_in');
    expect(h.noco.calls.refresh).toBe(1);
  });

  it('shows sign-in with the last account and a notice when the refresh is refused, and forgets the entry', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: -60 });
    const stored = await h.keychain.peek();
    // A refresh token the server no longer knows (rotated away, or the user signed out elsewhere).
    await h.keychain.store.save(STORED_ID, { ...stored!, refreshToken: 'rotated-away-long-ago' });

    const state = await h.service.getState();

    expect(state).toMatchObject({
      status: 'signed_out',
      prefill: { serverUrl: SERVER, email: EMAIL },
      notice: { code: 'session_expired', message: 'Your session expired. Sign in again.' },
      accounts: [{ id: ADA_ID, status: 'session_ended', active: true }],
    });
    expect(await h.keychain.peek()).toBeNull();
  });

  it('keeps the entry when the server is unreachable, lists the account for Retry, and never signs it in by itself', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: 3600 });
    h.noco.failures.me = new AppFailure('server_unreachable', 'The server cannot be reached.');

    const offline = await h.service.getState();

    expect(offline).toMatchObject({
      status: 'signed_out',
      prefill: { serverUrl: SERVER, email: EMAIL },
      notice: { code: 'server_unreachable', message: 'The server cannot be reached.' },
      accounts: [{ id: ADA_ID, status: 'unreachable', problemError: { message: 'The server cannot be reached.' } }],
    });
    expect(await h.keychain.peek()).not.toBeNull();

    // The server is back: the app still waits for the user (this is the reported revival bug).
    delete h.noco.failures.me;
    expect((await h.service.getState()).status).toBe('signed_out');
    await expect(listTokens(h)).rejects.toMatchObject({ code: 'account_not_signed_in' });
    expect(h.noco.calls.me).toBe(1);

    expect(await h.service.retry(await shownId(h.service))).toMatchObject({
      status: 'signed_in',
      accounts: [{ status: 'signed_in', active: true }],
    });
  });

  it('neither signs in nor deletes a keychain entry the account list does not hold', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: 3600 });
    h.settingsFile.content = { accounts: [], lastAccount: null, keychainMigrated: true };

    expect(await h.service.getState()).toMatchObject({ status: 'signed_out', accounts: [] });
    expect(await h.keychain.accounts()).toEqual([{ serverUrl: SERVER, email: EMAIL }]);
    expect(h.noco.calls.me).toBe(0);
  });

  it('says sessions will only last this run when the keychain cannot be read', async () => {
    const h = sessionHarness({ storedJwtExpiresIn: 3600 });
    h.keychain.control.unavailable = true;

    const state = await h.service.getState();

    expect(state.status).toBe('signed_out');
    if (state.status !== 'signed_out') return;
    expect(state.notice?.code).toBe('keychain_unavailable');
    expect(state.notice?.message).toMatch(/Secret Service/);
    expect(state.notice?.message).toMatch(/only last until you close the app/);
  });

  it('starts signed out, with no notice, when nothing was stored', async () => {
    const h = sessionHarness();
    expect(await h.service.getState()).toEqual({ status: 'signed_out', prefill: null, notice: null, accounts: [] });
  });
});

describe('signing in', () => {
  it('stores the session in the keychain, never the password, and remembers the account for next time', async () => {
    const h = sessionHarness();

    const state = await h.service.signIn({ serverUrl: ' http://127.0.0.1:8080/dashboard/ ', email: EMAIL, password: PASSWORD });

    expect(state).toMatchObject({ status: 'signed_in', persistence: 'keychain', account: { serverUrl: SERVER, email: EMAIL } });
    const kept = await h.keychain.peek();
    expect(kept).toMatchObject({ serverUrl: SERVER, email: EMAIL });
    expect(JSON.stringify([kept, h.settingsFile.content, h.logs])).not.toContain(PASSWORD);
    expect(h.settingsFile.content).toMatchObject({
      accounts: [{ serverUrl: SERVER, email: EMAIL }],
      lastAccount: { serverUrl: SERVER, email: EMAIL },
    });
  });

  it('keeps the session in memory and says why when the keychain cannot be written', async () => {
    const h = sessionHarness();
    h.keychain.control.unavailable = true;

    const state = await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });

    expect(state).toMatchObject({ status: 'signed_in', persistence: 'memory' });
    if (state.status !== 'signed_in') return;
    expect(state.persistenceProblem?.message).toMatch(/will not survive a restart/);
    expect(await h.fallback.load(await shownId(h.service))).toMatchObject({ session: { serverUrl: SERVER, email: EMAIL } });
    await expect(listTokens(h)).resolves.toMatchObject({ rows: [] });
  });

  it.each([
    ['a URL without a scheme', { serverUrl: 'localhost:8080', password: PASSWORD }, 'invalid_argument'],
    ['a wrong password', { serverUrl: SERVER, password: 'wrong' }, 'invalid_credentials'],
  ])('refuses %s and stays signed out', async (_label, request, code) => {
    const h = sessionHarness();

    await expect(h.service.signIn({ email: EMAIL, ...request })).rejects.toMatchObject({ code });
    expect((await h.service.getState()).status).toBe('signed_out');
    expect(h.keychain.control.saves).toBe(0);
  });

  it('signs out the session the server just issued when `me` fails right after, and reports the failure', async () => {
    const h = sessionHarness();
    h.noco.failures.me = new AppFailure('server_error', 'The server had a problem.');

    await expect(h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD })).rejects.toMatchObject({ code: 'server_error' });

    expect(h.noco.calls.signOut).toBe(1);
    expect(h.noco.liveRefreshTokens()).toEqual([]);
    expect((await h.service.getState()).status).toBe('signed_out');
    expect(h.keychain.control.saves).toBe(0);
  });

  it('still reports the `me` failure when signing that session out fails too', async () => {
    const h = sessionHarness();
    h.noco.failures.me = new AppFailure('server_error', 'The server had a problem.');
    h.noco.failures.signOut = new AppFailure('server_unreachable', 'Cannot reach the server.');

    await expect(h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD })).rejects.toMatchObject({ code: 'server_error' });
    expect(h.noco.calls.signOut).toBe(1);
    expect(h.logs.join('\n')).toMatch(/sign-out.*server_unreachable/);
  });
});

describe('authenticated calls', () => {
  it('refuses with unknown_account when no account is listed', async () => {
    const h = sessionHarness();
    await expect(listTokens(h)).rejects.toMatchObject({ code: 'unknown_account' });
  });

  it('shares ONE refresh among 10 parallel calls whose JWT expired, and all of them succeed', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.clock.now += 11 * 3600_000;

    const pages = await Promise.all(Array.from({ length: 10 }, () => listTokens(h)));

    expect(pages).toHaveLength(10);
    expect(h.noco.calls.refresh).toBe(1);
    expect(h.keychain.control.saves).toBe(2); // the sign-in, then the one rotation
  });

  it('shares ONE refresh among 10 parallel calls the server answers with 401, then retries each once', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.noco.rejectCurrentJwts();

    await Promise.all(Array.from({ length: 10 }, () => listTokens(h)));

    expect(h.noco.calls.refresh).toBe(1);
    expect(h.noco.calls.listTokens).toBe(20);
    expect((await h.keychain.peek())?.refreshToken).toBe(h.noco.liveRefreshTokens()[0]);
  });

  it('keeps a rotated session in memory, and warns, when the keychain write fails', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.keychain.control.unavailable = true;
    h.clock.now += 11 * 3600_000;

    await listTokens(h);

    const state = await h.service.getState();
    expect(state).toMatchObject({ status: 'signed_in', persistence: 'memory' });
    if (state.status !== 'signed_in') return;
    expect(state.persistenceProblem?.message).toMatch(/will not survive a restart/);
    expect(await h.fallback.load(await shownId(h.service))).toHaveProperty('session.refreshToken', h.noco.liveRefreshTokens()[0]);
  });

  it('ends the session when the refresh is refused: session_expired, entry gone, sign-in prefilled with a notice', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.noco.rejectCurrentJwts();
    h.noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');

    await expect(listTokens(h)).rejects.toMatchObject({ code: 'session_expired' });

    expect(await h.keychain.peek()).toBeNull();
    // The JWT was refused long before its `exp`: the server ended the session (a sign-in elsewhere on today's NocoDB).
    expect(await h.service.getState()).toMatchObject({
      status: 'signed_out',
      prefill: { serverUrl: SERVER, email: EMAIL },
      notice: {
        code: 'session_expired',
        message: expect.stringMatching(
          /^Your session expired: the server ended it, for example because this account signed in somewhere else/,
        ),
      },
      accounts: [{ id: ADA_ID, status: 'session_ended', active: true }],
    });
  });

  it('says only that the session expired when the JWT had simply run out and the refresh is refused', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.clock.now += 11 * 3600_000;
    h.noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');

    await expect(listTokens(h)).rejects.toMatchObject({ code: 'session_expired', message: 'Your session expired. Sign in again.' });
    expect(await h.service.getState()).toMatchObject({ notice: { message: 'Your session expired. Sign in again.' } });
  });

  it('keeps the session when the refresh fails because the server is unreachable', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.clock.now += 11 * 3600_000;
    h.noco.failures.refresh = new AppFailure('timeout', 'The server took too long to answer.');

    await expect(listTokens(h)).rejects.toMatchObject({ code: 'timeout' });

    expect((await h.service.getState()).status).toBe('signed_in');
    expect(await h.keychain.peek()).not.toBeNull();
  });
});

describe('signing out', () => {
  it('removes the keychain entry even when the server cannot be reached, and prefills the sign-in form', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.noco.failures.signOut = new AppFailure('server_unreachable', 'The server cannot be reached.');

    const state = await signOutShown(h.service);

    expect(state).toEqual({ status: 'signed_out', prefill: { serverUrl: SERVER, email: EMAIL }, notice: null, accounts: [] });
    expect(h.noco.calls.signOut).toBe(1);
    expect(await h.keychain.peek()).toBeNull();
    await expect(listTokens(h)).rejects.toMatchObject({ code: 'unknown_account' });
  });

  it('tells the server, so the session is dead there too', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });

    await signOutShown(h.service);

    expect(h.noco.liveRefreshTokens()).toEqual([]);
  });

  it('refreshes an expired JWT first, so the server really ends the session', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.clock.now += 11 * 3600_000;

    await signOutShown(h.service);

    expect(h.noco.calls.refresh).toBe(1);
    expect(h.noco.liveRefreshTokens()).toEqual([]);
    expect(await h.keychain.peek()).toBeNull();
  });

  it('copes with a call in flight that needed a refresh too, and leaves nothing stored', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    h.clock.now += 11 * 3600_000;

    const call = listTokens(h).catch((error: unknown) => error);
    const state = await signOutShown(h.service);
    await call;

    expect(state).toEqual({ status: 'signed_out', prefill: { serverUrl: SERVER, email: EMAIL }, notice: null, accounts: [] });
    expect(h.noco.liveRefreshTokens()).toEqual([]);
    expect(await h.keychain.peek()).toBeNull();
    await expect(listTokens(h)).rejects.toMatchObject({ code: 'unknown_account' });
  });

  it('tells listeners which account was logged out', async () => {
    const h = sessionHarness();
    const ends: unknown[] = [];
    h.service.onAccountEnded(({ serverUrl, email }, why) => void ends.push({ account: { serverUrl, email }, why }));
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
    expect(ends).toEqual([]);

    await signOutShown(h.service);

    expect(ends).toEqual([{ account: { serverUrl: SERVER, email: EMAIL }, why: 'logged_out' }]);
  });
});
