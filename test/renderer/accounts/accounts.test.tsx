// Several accounts in the window: the user menu (switch, add), the overview (open, switch, Log Out,
// Retry), and nothing of the previous account left on screen after a switch.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN, createTestBridge, seedToken, type TestBridge, type TestBridgeOptions } from '../test-bridge.ts';
import { renderApp, renderTokensPage, rowNamed, tokenRows, toastTexts } from '../render-app.tsx';

const GRACE = {
  serverUrl: 'https://nocodb.example.com',
  email: 'grace@example.com',
  displayName: 'Grace Hopper',
  password: 'another password',
};

const twoAccounts = (more: Partial<TestBridgeOptions> = {}): TestBridgeOptions => ({
  tokens: [seedToken('admin token')],
  otherAccounts: [{ ...GRACE, tokens: [seedToken('grace token')] }],
  ...more,
});

/** The app launched again with Grace's account in trouble: her keychain entry locked, or her server offline. */
async function launchedWithGrace(trouble: 'keychain_locked' | 'unreachable', options: TestBridgeOptions = {}): Promise<TestBridge> {
  const fake = await createTestBridge({ otherAccounts: [{ ...GRACE }], ...options });
  if (trouble === 'keychain_locked') fake.keychain.lockedEntries.add(fake.idOf(GRACE.email));
  else fake.setOffline(GRACE.serverUrl);
  fake.restart();
  return fake;
}

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function openUserMenu(user: User) {
  await user.click(screen.getByTestId('nc-sidebar-userinfo'));
  return screen.findByRole('menu');
}

async function switchToGraceFromMenu(user: User) {
  await openUserMenu(user);
  await user.click(await screen.findByTestId('nc-account-switch'));
  await waitFor(() => expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH'));
}

describe('user menu with several accounts', () => {
  it('lists every other account with its initials, email and server host', async () => {
    const { user } = await renderApp(twoAccounts());
    await openUserMenu(user);

    const items = screen.getAllByTestId('nc-account-switch');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toBe('GHgrace@example.comnocodb.example.com');
    expect(screen.getByTestId('nc-account-add').textContent).toBe('Add account');
  });

  it('switching keeps the screen (Tokens stays Tokens) and shows the new account’s tokens, avatar and settings', async () => {
    const { user, fake } = await renderTokensPage(twoAccounts());
    expect(rowNamed('admin token')).toBeTruthy();

    await switchToGraceFromMenu(user);

    expect(window.location.hash).toBe('#/account/tokens');
    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
    expect(tokenRows()).toHaveLength(1);
    expect(fake.callsTo('accounts.switch')).toEqual([{ method: 'accounts.switch', arg: { accountId: fake.idOf(GRACE.email) } }]);
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    expect((screen.getByLabelText('Account Email ID') as HTMLInputElement).value).toBe(GRACE.email);
  });

  it('a Delete confirmed on the previous account’s screen while the switch is on its way names that account, never the next one', async () => {
    const { user, fake } = await renderTokensPage(twoAccounts({ tokens: [seedToken('admin token 50')] }));
    const releaseSwitch = fake.hold('accounts.switch');
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-account-switch'));

    await user.click(within(rowNamed('admin token 50')).getByTestId('nc-token-row-action-icon'));
    await user.click(await screen.findByTestId('nc-delete-modal-delete-btn'));
    await waitFor(() => expect(fake.callsTo('tokens.delete')).toHaveLength(1));
    releaseSwitch();

    expect(fake.callsTo('tokens.delete')[0]?.arg).toEqual({ accountId: fake.idOf(), id: fake.seededTokens()[0]!.id });
    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
  });

  it('a switch drops what belonged to the previous account: revealed values, the create row, copy offers, the Use it panel', async () => {
    const { user, fake } = await renderTokensPage(twoAccounts());
    const { token } = fake.seededToken('admin token');
    await user.click(within(rowNamed('admin token')).getByRole('button', { name: 'Show or Hide' }));
    expect(await screen.findByText(token)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add New API Token' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(toastTexts().join()).toContain('created'));
    // The new token's Use it panel opened by itself.
    expect(await screen.findByTestId('nc-token-usage')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add New API Token' }));
    expect(document.querySelector('.nc-token-generate')).not.toBeNull();

    await switchToGraceFromMenu(user);

    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
    expect(document.body.textContent).not.toContain(token);
    expect(document.querySelector('.nc-token-generate')).toBeNull();
    expect(toastTexts()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Copy token' })).toBeNull();
    expect(screen.queryByTestId('nc-token-usage')).toBeNull();
  });

  it('ignores a token list that answers for the previous account after the switch', async () => {
    const fake = await createTestBridge(twoAccounts());
    const { user } = await renderApp({ fake });
    const release = fake.hold('tokens.list');
    await user.click(screen.getByRole('link', { name: 'API Tokens' }));
    await waitFor(() => expect(fake.callsTo('tokens.list')).toHaveLength(1));

    // The admin's list is still on its way when the user switches to Grace.
    await switchToGraceFromMenu(user);
    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(tokenRows().map((row) => within(row).queryByText('admin token'))).toEqual([null]);
    expect(rowNamed('grace token')).toBeTruthy();
  });

  it('ignores a revealed value that arrives for the previous account after the switch', async () => {
    const fake = await createTestBridge(twoAccounts());
    const { user, stores } = await renderTokensPage({ fake });
    const release = fake.hold('tokens.reveal');
    await user.click(within(rowNamed('admin token')).getByRole('button', { name: 'Show or Hide' }));

    await switchToGraceFromMenu(user);
    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(stores.tokenModel.getState().marks[fake.idOf()]?.revealed ?? {}).toEqual({});
    expect(stores.tokenModel.getState().marks[fake.idOf()]?.busy ?? {}).toEqual({});
    expect(document.body.textContent).not.toContain(fake.seededTokens()[0]!.token);
  });

  it('Add account opens the sign-in screen with Cancel back to the current account', async () => {
    const { user, fake } = await renderApp(twoAccounts());
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-account-add'));

    expect(screen.getByRole('heading', { name: 'Add a NocoDB account' })).toBeTruthy();
    expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe(ADMIN.serverUrl);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
    await user.click(screen.getByTestId('nc-account-add-cancel'));

    expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('AD');
    expect(fake.callsTo('session.signIn')).toHaveLength(0);

    // Escape does the same.
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-account-add'));
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('AD');
  });

  it('signing in there adds the account and makes it the active one; the previous one stays signed in', async () => {
    const fake = await createTestBridge({ otherAccounts: [{ ...GRACE }] });
    await fake.setUp('accounts:remove', { accountId: fake.idOf(GRACE.email) });
    const { user } = await renderApp({ fake });
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-account-add'));

    await user.clear(screen.getByLabelText('Server URL'));
    await user.type(screen.getByLabelText('Server URL'), GRACE.serverUrl);
    await user.type(screen.getByLabelText('Email'), GRACE.email);
    await user.type(screen.getByLabelText('Password'), `${GRACE.password}{Enter}`);

    await waitFor(() => expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH'));
    expect(screen.getAllByTestId('nc-account-card').map((card) => card.textContent)).toEqual([
      expect.stringContaining('admin@example.com'),
      expect.stringContaining('grace@example.com'),
    ]);
    expect(within(screen.getAllByTestId('nc-account-card')[0]!).getByText('Signed in')).toBeTruthy();
    // Typing three fields on a loaded 2-core machine can take longer than the default 5 s.
  }, 15_000);

  it('Log Out ends the active account only and opens the next one', async () => {
    const { user, fake } = await renderApp(twoAccounts());
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-sidebar-user-logout'));

    await waitFor(() => expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH'));
    expect(fake.callsTo('accounts.remove')).toHaveLength(1);
    expect(screen.getAllByTestId('nc-account-card')).toHaveLength(1);
  });
});

describe('accounts overview', () => {
  it('one card per account with server, email, display name and state; Switch on the others, Open goes to its tokens', async () => {
    const { user } = await renderApp(twoAccounts());
    const [admin, grace] = screen.getAllByTestId('nc-account-card');
    expect(within(admin!).getByText('Active')).toBeTruthy();
    expect(within(grace!).getByText('nocodb.example.com')).toBeTruthy();
    expect(within(grace!).getByText(/Grace Hopper/)).toBeTruthy();
    expect(
      within(grace!)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Open', 'Switch', 'Log Out']);

    await user.click(within(grace!).getByRole('button', { name: 'Open' }));

    await waitFor(() => expect(window.location.hash).toBe('#/account/tokens'));
    await waitFor(() => expect(rowNamed('grace token')).toBeTruthy());
    expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH');
  });

  it('Log Out on another account’s card removes it and keeps the active one', async () => {
    const { user, fake } = await renderApp(twoAccounts());
    const grace = screen.getAllByTestId('nc-account-card')[1]!;

    await user.click(within(grace).getByRole('button', { name: `Log Out of ${GRACE.email} on nocodb.example.com` }));

    await waitFor(() => expect(screen.getAllByTestId('nc-account-card')).toHaveLength(1));
    expect(fake.callsTo('accounts.remove')).toEqual([{ method: 'accounts.remove', arg: { accountId: fake.idOf(GRACE.email) } }]);
    expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('AD');
  });

  it('an account the locked keychain kept back says how to get it back and offers Retry, never Open or Sign in', async () => {
    const locked = 'Your keychain is locked — unlock it and choose Retry.';
    const { user, fake } = await renderApp({ fake: await launchedWithGrace('keychain_locked') });
    const grace = screen.getAllByTestId('nc-account-card')[1]!;
    expect(grace.textContent).toContain(`Keychain locked — ${locked}`);
    expect(
      within(grace)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Retry', 'Log Out']);

    await user.click(within(grace).getByRole('button', { name: 'Retry' }));

    expect(fake.callsTo('accounts.retry')).toEqual([{ method: 'accounts.retry', arg: { accountId: fake.idOf(GRACE.email) } }]);
  });

  it('an account whose server did not answer at launch says so and offers Retry, never Open', async () => {
    const fake = await launchedWithGrace('unreachable');
    const { user } = await renderApp({ fake });
    const grace = screen.getAllByTestId('nc-account-card')[1]!;
    expect(grace.textContent).toContain(
      `Server unreachable — Cannot reach ${GRACE.serverUrl}. Check the address and that the server is running.`,
    );
    expect(
      within(grace)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Retry', 'Log Out']);

    fake.setOffline(GRACE.serverUrl, false); // the server is back
    await user.click(within(grace).getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(within(screen.getAllByTestId('nc-account-card')[1]!).getByText('Signed in')).toBeTruthy());
    expect(fake.callsTo('accounts.retry')).toEqual([{ method: 'accounts.retry', arg: { accountId: fake.idOf(GRACE.email) } }]);
  });

  it('when the active account could not be restored, the sign-in screen offers Retry and Cancel to a signed-in one', async () => {
    // Ended elsewhere while the admin's account is shown, and found out by a call (at launch, main
    // would show a signed-in account instead).
    const fake = await createTestBridge({ otherAccounts: [{ ...GRACE }] });
    fake.server().endSessions(ADMIN.email);
    await fake.bridge.tokens.list({ accountId: fake.idOf(), page: 1, pageSize: 10 });
    const { user } = await renderApp({ fake });

    // main's reason: the server ended the session (the fake bridge sent a reasonless session_expired).
    expect(screen.getByRole('status').textContent).toContain('Your session expired: the server ended it');
    await user.click(screen.getByTestId('nc-account-add-cancel'));

    await waitFor(() => expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH'));
    expect(await fake.activeId()).toBe(fake.idOf(GRACE.email));
    expect(fake.callsTo('accounts.switch')).toEqual([{ method: 'accounts.switch', arg: { accountId: fake.idOf(GRACE.email) } }]);
  });

  it('with no account left open, the sign-in screen still lists the others with their Retry and Log Out', async () => {
    const fake = await launchedWithGrace('unreachable');
    const { user } = await renderApp({ fake });
    await openUserMenu(user);
    await user.click(await screen.findByTestId('nc-sidebar-user-logout'));

    const form = await screen.findByTestId('nc-form-signin');
    expect(within(form).getByDisplayValue(ADMIN.email)).toBeTruthy();
    const card = screen.getByTestId('nc-account-card');
    expect(card.textContent).toContain(GRACE.email);
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Retry', 'Log Out']);

    fake.setOffline(GRACE.serverUrl, false); // the server is back
    await user.click(within(card).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId('nc-sidebar-userinfo').textContent).toBe('GH'));
  });
});
