import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestBridge } from '../test-bridge.ts';
import { renderApp } from '../render-app.tsx';

describe('user menu in the bottom-left corner', () => {
  it('is a round initials avatar whose tooltip shows the email', async () => {
    const { user } = await renderApp();
    const avatar = screen.getByTestId('nc-sidebar-userinfo');
    expect(avatar.textContent).toBe('AD');
    await user.hover(avatar);
    expect((await screen.findByRole('tooltip')).textContent).toBe('admin@example.com');
  });

  it('opens a menu with Add account, All accounts, Log Out, All tokens, API Tokens and Account Settings (email on a second line)', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Add account',
      'All accounts',
      'Log Out',
      'All tokens',
      'API Tokens',
      'Account Settingsadmin@example.com',
    ]);
    expect(screen.getByTestId('nc-sidebar-user-logout').textContent).toBe('Log Out');
  });

  it('API Tokens goes straight to the Tokens tab', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await user.click(await screen.findByRole('menuitem', { name: 'API Tokens' }));
    expect(window.location.hash).toBe('#/account/tokens');
    expect(await screen.findByTestId('nc-token-list')).toBeTruthy();
  });

  it('Account Settings opens the Profile tab', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await user.click(await screen.findByRole('menuitem', { name: /Account Settings/ }));
    expect(await screen.findByRole('heading', { name: 'Account Details' })).toBeTruthy();
  });

  it('is operable by keyboard', async () => {
    const { user } = await renderApp();
    screen.getByTestId('nc-sidebar-userinfo').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('menu')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });

  it('Log Out signs out and shows the sign-in form with the account filled in', async () => {
    const { user, fake } = await renderApp();
    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await user.click(await screen.findByTestId('nc-sidebar-user-logout'));
    expect(await screen.findByTestId('nc-form-signin')).toBeTruthy();
    expect(fake.callsTo('accounts.remove')).toHaveLength(1);
    expect(screen.getByDisplayValue('admin@example.com')).toBeTruthy();
  });

  // The fake bridge this replaced let a locked keychain refuse Log Out and keep the user signed in.
  // main has no such rule: the decision is written down first and carried out as far as the keychain
  // lets it, so the window signs out and the keychain entry goes once the keychain answers again.
  it('a Log Out the keychain cannot finish still signs out, and the entry waits for the keychain', async () => {
    const fake = await createTestBridge();
    const { user } = await renderApp({ fake });
    fake.keychain.condition = 'unavailable'; // the Secret Service stopped
    await user.click(screen.getByTestId('nc-sidebar-userinfo'));
    await user.click(await screen.findByTestId('nc-sidebar-user-logout'));
    expect(await screen.findByTestId('nc-form-signin')).toBeTruthy();
    fake.keychain.condition = 'works';
    expect((await fake.keychain.secretStore.load(fake.idOf())).status).toBe('ok');
  });
});

describe('home', () => {
  it('is the accounts overview: the account, its server, its state, and Open, Log Out', async () => {
    await renderApp();
    const card = screen.getByTestId('nc-account-card');
    expect(within(card).getByText('admin@example.com')).toBeTruthy();
    expect(within(card).getByText('localhost:8080')).toBeTruthy();
    expect(within(card).getByText('Signed in')).toBeTruthy();
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Open', 'Log Out']);
  });
});
