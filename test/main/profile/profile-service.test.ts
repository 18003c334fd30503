// Renaming and, above all, changing the password without losing the session: the server kills every
// JWT and refresh token of the user and hands back one new refresh token, so main must refresh with
// it and store the new pair before any other call goes on.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/app-error.ts';
import { TRY_NEW_PASSWORD, createPasswordChangeNotices, explainingPasswordChanges } from '../../../main/profile/password-change-notice.ts';
import { createProfileService } from '../../../main/profile/profile-service.ts';
import type { PasswordChange } from '../../../preload/contract.ts';
import { EMAIL, GRACE, PASSWORD, SERVER, sessionHarness, shownId } from '../accounts/accounts-harness.ts';

const NEW_PASSWORD = 'a brand new password';

async function signedIn(options: { holdChange?: boolean; holdRename?: boolean; holdFirstList?: boolean; changeTimesOut?: boolean } = {}) {
  const h = sessionHarness();
  const held = { release: () => {}, started: false, releaseList: () => {} };
  let listsHeld = options.holdFirstList ? 1 : 0;
  const serverClient = h.noco.client;
  const storedAtList: Array<string | undefined> = [];
  h.noco.client = (serverUrl) => {
    const client = serverClient(serverUrl);
    return {
      ...client,
      listTokens: async (jwt, page) => {
        if (listsHeld > 0) {
          listsHeld -= 1;
          await new Promise<void>((resolve) => (held.releaseList = resolve));
          return client.listTokens(jwt, page);
        }
        storedAtList.push((await h.keychain.peek())?.jwt === jwt ? 'stored' : 'not stored');
        return client.listTokens(jwt, page);
      },
      updateProfile: async (jwt, displayName) => {
        held.started = true;
        if (options.holdRename) await new Promise<void>((resolve) => (held.release = resolve));
        return client.updateProfile(jwt, displayName);
      },
      changePassword: async (jwt, change) => {
        held.started = true;
        if (options.holdChange) await new Promise<void>((resolve) => (held.release = resolve));
        const answer = await client.changePassword(jwt, change);
        // The server changed the password (and ended every session); its answer never arrived.
        if (options.changeTimesOut) throw new AppFailure('timeout', 'http://127.0.0.1:8080 did not answer within 10 s.');
        return answer;
      },
    };
  };
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  // Every call below is sent from Ada's screen, so it names Ada's account.
  const accountId = await shownId(h.service);
  const notices = createPasswordChangeNotices();
  const session = explainingPasswordChanges(h.service, notices);
  const service = createProfileService({ session, notices });
  const profile = {
    changePassword: (change: Omit<PasswordChange, 'accountId'>) => service.changePassword({ accountId, ...change }),
    updateDisplayName: (displayName: string) => service.updateDisplayName({ accountId, displayName }),
  };
  const listTokens = async () =>
    (await h.service.pin(accountId)).withSession((client, jwt) => client.listTokens(jwt, { limit: 10, offset: 0 }));
  return { h, session, profile, held, storedAtList, listTokens };
}

describe('changing the password', () => {
  it('that times out says the password may have changed; the sign-in it lands on says to try the new one first', async () => {
    const { h, session, profile, listTokens } = await signedIn({ changeTimesOut: true });

    const failure = await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toData()).toEqual({
      code: 'timeout',
      message: expect.stringMatching(/may have changed on the server\. If the app asks you to sign in, try the new password first\.$/),
      params: { reason: 'password_change' },
    });

    // The next call finds the session ended by the change.
    await expect(listTokens()).rejects.toMatchObject({ code: 'session_expired' });
    const state = await session.getState();
    expect(state).toMatchObject({
      status: 'signed_out',
      prefill: { serverUrl: SERVER, email: EMAIL },
      notice: { code: 'session_expired', message: TRY_NEW_PASSWORD, params: { reason: 'password_uncertain' } },
    });
    expect(state.accounts[0]).toMatchObject({
      status: 'session_ended',
      problemError: { code: 'session_expired', message: TRY_NEW_PASSWORD, params: { reason: 'password_uncertain' } },
    });

    // Signed in with the new password: the account's password is known again, the words go.
    await session.signIn({ serverUrl: SERVER, email: EMAIL, password: NEW_PASSWORD });
    h.noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');
    h.clock.now += 11 * 3_600_000;
    await expect(listTokens()).rejects.toMatchObject({ code: 'session_expired' });
    expect((await session.getState()).status).toBe('signed_out');
    expect(JSON.stringify(await session.getState())).not.toContain(TRY_NEW_PASSWORD);
  });

  it('that times out before it was sent (refreshing the session) says nothing about the password', async () => {
    const { h, profile } = await signedIn({ changeTimesOut: true });
    h.clock.now += 11 * 3_600_000;
    h.noco.failures.refresh = new AppFailure('timeout', 'http://127.0.0.1:8080 did not answer within 10 s.');

    const failure = await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).catch((error: unknown) => error);
    expect((failure as AppFailure).toData()).toEqual({ code: 'timeout', message: 'http://127.0.0.1:8080 did not answer within 10 s.' });
    expect(h.noco.calls.changePassword).toBe(0);
  });

  it('stays signed in: refreshes with the new refresh token at once and stores the new pair', async () => {
    const { h, profile, listTokens, storedAtList } = await signedIn();
    const before = await h.keychain.peek();

    const state = await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(state).toMatchObject({ status: 'signed_in', account: { email: EMAIL } });
    expect(h.noco.calls.refresh).toBe(1);
    const after = await h.keychain.peek();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.jwt).not.toBe(before?.jwt);
    expect(h.noco.liveRefreshTokens()).toEqual([after?.refreshToken]);
    await listTokens();
    expect(storedAtList).toEqual(['stored']);
    expect(h.noco.calls.signIn).toBe(1); // the first sign-in only
  });

  it('holds every other call until the new pair is stored, then runs them with the new JWT', async () => {
    const { h, profile, held, listTokens, storedAtList } = await signedIn({ holdChange: true });

    const change = profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await expect.poll(() => held.started).toBe(true);
    const calls = Array.from({ length: 5 }, () => listTokens());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.noco.calls.listTokens).toBe(0);

    held.release();
    await change;
    await Promise.all(calls);

    expect(storedAtList).toEqual(Array(5).fill('stored'));
    expect(h.noco.calls.refresh).toBe(1);
    expect((await h.service.getState()).status).toBe('signed_in');
  });

  it('lets a call already on its way with the old JWT through: refused by the server, it retries with the new one', async () => {
    const { h, profile, held, listTokens } = await signedIn({ holdFirstList: true });
    const inFlight = listTokens();
    await new Promise((resolve) => setTimeout(resolve, 0));

    await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    held.releaseList();

    await expect(inFlight).resolves.toMatchObject({ rows: [] });
    expect(h.noco.calls.refresh).toBe(1);
    expect((await h.service.getState()).status).toBe('signed_in');
  });

  it('refreshes an expiring JWT before sending the change', async () => {
    const { h, profile } = await signedIn();
    h.clock.now += 11 * 3600_000;

    await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect(h.noco.calls.changePassword).toBe(1);
    expect(h.noco.calls.refresh).toBe(2); // one before the change, one with the change's new token
  });

  it('passes on a wrong current password and leaves the session as it was', async () => {
    const { h, profile, listTokens } = await signedIn();
    const before = await h.keychain.peek();

    await expect(profile.changePassword({ currentPassword: 'wrong password', newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'validation',
      message: 'Current password is wrong',
    });

    expect(await h.keychain.peek()).toEqual(before);
    expect(h.noco.calls.refresh).toBe(0);
    await expect(listTokens()).resolves.toMatchObject({ rows: [] });
  });

  it('keeps the new refresh token when the refresh right after the change cannot reach the server', async () => {
    const { h, profile, listTokens } = await signedIn();
    h.noco.failures.refresh = new AppFailure('server_unreachable', 'Cannot reach the server.');

    await profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    expect((await h.keychain.peek())?.refreshToken).toBe(h.noco.liveRefreshTokens()[0]);
    delete h.noco.failures.refresh;
    await expect(listTokens()).resolves.toMatchObject({ rows: [] });
    expect((await h.service.getState()).status).toBe('signed_in');
  });

  it('ends the session plainly when the server refuses the new refresh token', async () => {
    const { h, profile } = await signedIn();
    h.noco.failures.refresh = new AppFailure('session_expired', 'Your session has expired. Sign in again.');

    await expect(profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'session_expired',
    });

    expect(await h.keychain.peek()).toBeNull();
    expect(await h.service.getState()).toMatchObject({ status: 'signed_out', prefill: { email: EMAIL } });
  });

  it('replaces the session of the account it was sent for, even when another one was added and opened meanwhile', async () => {
    const { h, profile, held } = await signedIn({ holdChange: true });
    const adaBefore = await h.keychain.peek(SERVER, EMAIL);
    const changing = profile.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await expect.poll(() => held.started).toBe(true);
    await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
    const graceBefore = await h.keychain.peek(SERVER, GRACE.email);

    held.release();
    const state = await changing;

    expect(state).toMatchObject({ status: 'signed_in', account: { email: GRACE.email } });
    expect((await h.keychain.peek(SERVER, EMAIL))?.refreshToken).not.toBe(adaBefore?.refreshToken);
    expect(await h.keychain.peek(SERVER, GRACE.email)).toEqual(graceBefore);
    expect(state.accounts.map(({ email, status }) => ({ email, status }))).toEqual([
      { email: EMAIL, status: 'signed_in' },
      { email: GRACE.email, status: 'signed_in' },
    ]);
  });
});

describe('renaming the user', () => {
  it('sends the trimmed name and answers the session with it', async () => {
    const { h, profile } = await signedIn();

    const state = await profile.updateDisplayName('  Ada Lovelace ');

    expect(state).toMatchObject({ status: 'signed_in', account: { displayName: 'Ada Lovelace' } });
    expect(await h.service.getState()).toEqual(state);
  });

  it('records the new name on the account it was sent for, not on one opened while the request was out', async () => {
    const { h, profile, held } = await signedIn({ holdRename: true });
    const renaming = profile.updateDisplayName('Ada Lovelace');
    await expect.poll(() => held.started).toBe(true);
    await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });

    held.release();
    const state = await renaming;

    expect(state).toMatchObject({ status: 'signed_in', account: { email: GRACE.email, displayName: 'Grace Hopper' } });
    expect(state.accounts.map(({ email, displayName }) => ({ email, displayName }))).toEqual([
      { email: EMAIL, displayName: 'Ada Lovelace' },
      { email: GRACE.email, displayName: 'Grace Hopper' },
    ]);
  });

  it('keeps the old name when the server refuses', async () => {
    const { h, profile } = await signedIn();
    h.noco.failures.updateProfile = new AppFailure('server_error', 'The server had a problem (HTTP 500). Try again.');

    await expect(profile.updateDisplayName('Nobody')).rejects.toMatchObject({ code: 'server_error' });

    expect(await h.service.getState()).toMatchObject({ account: { displayName: 'Ada' } });
  });
});
