// A locked (or refusing) keychain is a state the user sees and ends with Retry: nothing is deleted,
// nothing is read as "signed out", every session and token copy comes back after unlocking, and a
// removal the keychain refused is reported, not only logged.
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { EMAIL, GRACE, PASSWORD, SERVER, sessionHarness, tokenServiceOn, tokensFromShownScreen } from './accounts-harness.ts';

/** Two accounts signed in on a server that shows tokens once, each with a token copy in the keychain. */
async function twoAccountsWithCopies() {
  const h = sessionHarness();
  h.noco.showsTokensOnce = true;
  const launchTokens = (service = h.service) => {
    const tokens = tokenServiceOn(service, h.keychain.vault);
    service.onAccountEnded(async (account, why) => {
      tokens.forgetValues(account.id);
      if (why === 'logged_out') await tokens.forgetCopies(account.id);
    });
    return tokens;
  };
  const tokens = tokensFromShownScreen(h.service, launchTokens());
  await h.service.signIn({ serverUrl: SERVER, email: EMAIL, password: PASSWORD });
  await tokens.create({ name: 'ada copy' });
  await h.service.signIn({ serverUrl: SERVER, email: GRACE.email, password: GRACE.password });
  await tokens.create({ name: 'grace copy' });
  const everything = () => ({
    sessions: h.keychain.fake.entries(KEYCHAIN_SERVICES.sessions),
    copies: h.keychain.fake.entries(KEYCHAIN_SERVICES.tokenCopies),
  });
  return { h, launchTokens, everything, before: everything() };
}

describe('a locked keychain at launch', () => {
  it('shows every account as locked, with the words to unlock and Retry; deletes nothing; crashes nothing', async () => {
    const { h, everything, before } = await twoAccountsWithCopies();
    h.keychain.control.locked = true;

    const state = await h.launch().getState();

    expect(state).toMatchObject({
      status: 'signed_out',
      notice: { code: 'keychain_locked', message: 'Your keychain is locked — unlock it and choose Retry.' },
    });
    expect(state.accounts.map(({ status, problemError }) => ({ status, problem: problemError?.message }))).toEqual([
      { status: 'keychain_locked', problem: 'Your keychain is locked — unlock it and choose Retry.' },
      { status: 'keychain_locked', problem: 'Your keychain is locked — unlock it and choose Retry.' },
    ]);
    expect(everything()).toEqual(before);
    expect(h.keychain.fake.state.crashes).toBe(0);
  });

  it('after unlocking, Retry acts on the one account it was chosen for; each Retry brings back its session and token copies', async () => {
    const { h, launchTokens, everything, before } = await twoAccountsWithCopies();
    h.keychain.control.locked = true;
    const restarted = h.launch();
    const tokens = tokensFromShownScreen(restarted, launchTokens(restarted));
    const locked = await restarted.getState();

    h.keychain.control.locked = false;
    const one = await restarted.retry(locked.accounts[1]!.id);
    expect(one.status).toBe('signed_in');
    expect(one.accounts.map((account) => account.status)).toEqual(['keychain_locked', 'signed_in']);
    const back = await restarted.retry(locked.accounts[0]!.id);

    expect(back.accounts.map((account) => account.status)).toEqual(['signed_in', 'signed_in']);
    for (const account of back.accounts) {
      await restarted.switchTo(account.id);
      const page = await tokens.list({ page: 1, pageSize: 10 });
      expect(page.tokens.map(({ valueSource }) => valueSource)).toEqual(['keychain']);
    }
    expect(everything().copies).toEqual(before.copies);
  });

  it('a Log Out while locked signs out on the server, is written down, shows "logging out" and is finished by Retry after unlocking', async () => {
    const { h, everything } = await twoAccountsWithCopies();
    const state = await h.service.getState();
    const ada = state.accounts[0]!;
    h.keychain.control.locked = true;

    const after = await h.service.logOut(ada.id);

    expect(after.accounts.find((account) => account.id === ada.id)?.status).toBe('logging_out');
    expect(h.settingsFile.content).toMatchObject({ loggingOut: [ada.id] });
    expect([...everything().sessions.keys()]).toContain(ada.id);
    // Retry while still locked: still logging out, never signed back in.
    expect((await h.service.retry(ada.id)).accounts.find((account) => account.id === ada.id)?.status).toBe('logging_out');
    h.keychain.control.locked = false;
    const done = await h.service.retry(ada.id);
    expect(done.accounts.map((account) => account.id)).not.toContain(ada.id);
    expect(h.settingsFile.content).not.toHaveProperty('loggingOut');
    expect([...everything().sessions.keys()]).not.toContain(ada.id);
    expect([...everything().copies.keys()].some((name) => name.startsWith(ada.id))).toBe(false);
  });

  it('turning copies off while locked reports that they were not removed', async () => {
    const { h, launchTokens } = await twoAccountsWithCopies();
    const tokens = launchTokens();
    h.keychain.control.locked = true;

    await expect(tokens.forgetAllCopies()).rejects.toMatchObject({
      code: 'keychain_locked',
      message: expect.stringMatching(/^The token copies in the keychain could not be removed\./),
    });
    expect(h.keychain.fake.entries(KEYCHAIN_SERVICES.tokenCopies).size).toBe(2);
  });
});
