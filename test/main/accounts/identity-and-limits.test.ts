// Who an account is (normalised server URL + email case-folded), what the server must agree to
// (`/me` answers that email), and the 20-account limit under concurrent sign-ins.
import { describe, expect, it } from 'vitest';
import { checkArgument } from '../../../main/ipc-arguments.ts';
import { MAX_ACCOUNTS } from '../../../preload/contract.ts';
import { EMAIL, PASSWORD, SERVER, sessionHarness } from './accounts-harness.ts';

describe('identity', () => {
  it('is the server and the email case-folded: another spelling of the same address renews the one account', async () => {
    const h = sessionHarness();
    await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });

    const state = await h.service.signIn({ serverUrl: `${SERVER}/`, email: 'Ada@Example.COM', password: PASSWORD });

    expect(state.accounts).toHaveLength(1);
  });

  it('refuses a sign-in whose `/me` answers another email, and signs that server session out', async () => {
    const h = sessionHarness();
    h.noco.addUser('mallory@example.com', 'mallory pw', 'Mallory');
    const serverClient = h.noco.client;
    // A server (or a proxy) that answers for someone else than the one who signed in.
    h.noco.client = (serverUrl) => {
      const client = serverClient(serverUrl);
      return { ...client, me: async (jwt) => ({ ...(await client.me(jwt)), email: 'mallory@example.com' }) };
    };

    await expect(h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringMatching(/answered for mallory@example\.com instead of ada@example\.com/),
    });

    expect(h.noco.calls.signOut).toBe(1);
    expect(h.noco.liveRefreshTokens()).toEqual([]);
    expect((await h.service.getState()).accounts).toEqual([]);
    expect(await h.keychain.accounts()).toEqual([]);
  });

  it('refuses an email over 254 characters before any request, in main and at the IPC door', async () => {
    const h = sessionHarness();
    const email = `${'a'.repeat(243)}@example.com`; // 255 characters

    await expect(h.service.signIn({ serverUrl: SERVER, email, password: PASSWORD })).rejects.toMatchObject({ code: 'validation' });

    expect(h.noco.calls.signIn).toBe(0);
    expect(checkArgument('session:sign-in', { serverUrl: SERVER, email, password: PASSWORD }).ok).toBe(false);
    expect(checkArgument('session:sign-in', { serverUrl: SERVER, email: email.slice(1), password: PASSWORD }).ok).toBe(true);
  });
});

describe('the account limit', () => {
  it(`${MAX_ACCOUNTS + 1} sign-ins started at once end with exactly ${MAX_ACCOUNTS} accounts, no duplicates, and no server session left for the refused one`, async () => {
    const h = sessionHarness();
    const emails = Array.from({ length: MAX_ACCOUNTS + 1 }, (_, n) => `user${n}@example.com`);
    for (const email of emails) h.noco.addUser(email, PASSWORD);

    const outcomes = await Promise.allSettled(emails.map((email) => h.service.signIn({ serverUrl: SERVER, email, password: PASSWORD })));

    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ reason: { code: 'account_limit' } });
    const { accounts } = await h.service.getState();
    expect(accounts).toHaveLength(MAX_ACCOUNTS);
    expect(new Set(accounts.map((account) => account.email)).size).toBe(MAX_ACCOUNTS);
    expect(new Set(accounts.map((account) => account.id)).size).toBe(MAX_ACCOUNTS);
    // The refused one never sent its password, so the server holds exactly the listed accounts' sessions.
    expect(h.noco.liveRefreshTokens()).toHaveLength(MAX_ACCOUNTS);
    expect(await h.keychain.accounts()).toHaveLength(MAX_ACCOUNTS);
  });

  it('two sign-ins of the same new account at once make one account', async () => {
    const h = sessionHarness();

    await Promise.all([1, 2].map(() => h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD })));

    expect((await h.service.getState()).accounts).toHaveLength(1);
  });
});
