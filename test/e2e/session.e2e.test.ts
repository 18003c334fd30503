// Journeys 1, 5 and 6: sign-in, a restart that keeps the session (keychain), sign-out.
import { describe, expect, it } from 'vitest';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { openTokensTab, screenshot, signInThroughUi } from './steps.ts';

describe('session journeys against a real NocoDB', () => {
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;

  it('1. first launch → sign-in → lands on the app; a wrong password shows the server word and keeps the email', async () => {
    const user = await signUpUser(realNocodb().url);
    app = await started.app({ serverUrl: user.url });
    const { page } = app;
    const form = page.getByTestId('nc-form-signin');
    await expect.poll(() => form.getByLabel('Server URL').inputValue()).toBe(user.url);

    await form.getByLabel('Email').fill(user.email);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Invalid credentials');
    expect(await form.getByLabel('Email').inputValue()).toBe(user.email);
    expect(await form.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, '01-sign-in-invalid-credentials');

    await signInThroughUi(page, user);
    await expect.poll(() => page.getByText(user.email).first().isVisible()).toBe(true);
    await screenshot(page, '01b-signed-in-home');
  });

  it('5. restart → still signed in from the keychain, no sign-in screen, tokens listed', async () => {
    const user = await signUpUser(realNocodb().url);
    app = await started.app({ serverUrl: user.url });
    await signInThroughUi(app.page, user);
    expect(await app.keychainAccounts()).toHaveLength(1);

    await app.restart();
    await app.page.getByTestId('nc-sidebar-userinfo').waitFor();
    expect(await app.page.getByTestId('nc-form-signin').count()).toBe(0);
    await openTokensTab(app.page);
    await app.page.getByText('No API Tokens created').waitFor();
    await screenshot(app.page, '05-restart-still-signed-in');
  });

  it('6. sign out → sign-in screen; the keychain entry is gone; restart shows sign-in', async () => {
    const user: NocodbCredentials = await signUpUser(realNocodb().url);
    app = await started.app({ serverUrl: user.url });
    await signInThroughUi(app.page, user);
    expect(await app.keychainAccounts()).toHaveLength(1);

    await app.page.getByTestId('nc-sidebar-userinfo').click();
    await app.page.getByTestId('nc-sidebar-user-logout').click();
    await app.page.getByTestId('nc-form-signin').waitFor();
    expect(await app.keychainAccounts()).toEqual([]);
    await screenshot(app.page, '06-signed-out');

    await app.restart();
    await app.page.getByTestId('nc-form-signin').waitFor();
    expect(await app.page.getByTestId('nc-form-signin').getByLabel('Email').inputValue()).toBe(user.email);
  });
});
