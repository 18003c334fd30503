// Account Settings beyond the tokens (issue 12): rename, change the password without losing the
// session, and use a token (copy a curl example, test it) against a real NocoDB 0.301.3.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { realNocodb, signUpUser } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { api, apiSignIn, changePasswordThroughUi, openAccountTab, openTokensTab, screenshot, signInThroughUi } from './steps.ts';

const run = promisify(execFile);

describe('account journeys against a real NocoDB', () => {
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;

  async function signedIn() {
    const user = await signUpUser(realNocodb().url);
    app = await started.app({ serverUrl: user.url });
    await signInThroughUi(app.page, user);
    return { user, page: app.page };
  }

  it('rename → the server keeps the name, the avatar and the user menu change at once', async () => {
    const { user, page } = await signedIn();
    const avatar = page.getByTestId('nc-sidebar-userinfo');
    expect(await avatar.textContent()).toBe('US'); // from the email "user-…@example.com"
    await avatar.click();
    await page.getByRole('menuitem', { name: /Account Settings/ }).click();

    await page.getByTestId('nc-account-settings-rename-input').fill('Ada Lovelace');
    await page.getByTestId('nc-account-settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    expect(await page.locator('.avatar-large').textContent()).toBe('AL');
    await screenshot(page, '12a-profile-renamed');

    const me = await api(user.url, '/api/v1/auth/user/me', { jwt: await apiSignIn(user) });
    expect(me.body?.['display_name']).toBe('Ada Lovelace');
    await page.getByRole('link', { name: 'Back' }).click();
    await expect.poll(() => avatar.textContent(), { timeout: 10_000 }).toBe('AL');
    await avatar.click();
    expect(await page.getByRole('menuitem', { name: /Account Settings/ }).textContent()).toContain(`Ada Lovelace (${user.email})`);
  });

  it('change password → still signed in after a restart; the old password is refused, the new one accepted', async () => {
    const { user, page } = await signedIn();
    const before = JSON.parse((await app!.keychainSecret())!) as { refreshToken: string };
    const newPassword = `New-${randomUUID()}`;
    await openTokensTab(page);
    await changePasswordThroughUi(page, user.password, newPassword);
    await screenshot(page, '12b-password-changed');

    // Still signed in: the next token call works without a sign-in, and the keychain holds the new pair.
    await openAccountTab(page, 'API Tokens');
    await page.getByText('No API Tokens created').waitFor();
    const after = JSON.parse((await app!.keychainSecret())!) as { refreshToken: string; jwt: string };
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const refresh = (token: string) =>
      fetch(`${user.url}/api/v1/auth/token/refresh`, { method: 'POST', headers: { cookie: `refresh_token=${token}` } });
    expect((await refresh(before.refreshToken)).status).toBe(400);

    await app!.restart();
    await app!.page.getByTestId('nc-sidebar-userinfo').waitFor();
    await openTokensTab(app!.page);
    await app!.page.getByText('No API Tokens created').waitFor();

    const signIn = (password: string) =>
      api(user.url, '/api/v1/auth/user/signin', { method: 'POST', body: { email: user.email, password } });
    expect((await signIn(user.password)).status).toBe(400);
    expect((await signIn(newPassword)).status).toBe(200);

    // And in the app: after a sign-out, the old password is refused and the new one signs in.
    await app!.page.getByRole('link', { name: 'Back' }).click();
    await app!.page.getByTestId('nc-sidebar-userinfo').click();
    await app!.page.getByTestId('nc-sidebar-user-logout').click();
    const form = app!.page.getByTestId('nc-form-signin');
    await form.getByLabel('Password').fill(user.password);
    await form.getByLabel('Password').press('Enter');
    await form.getByRole('alert').filter({ hasText: 'Invalid credentials' }).waitFor();
    await signInThroughUi(app!.page, { ...user, password: newPassword });
    await app!.page.getByTestId('nc-sidebar-userinfo').waitFor();
  });

  it('a wrong current password shows the server’s words and changes nothing', async () => {
    const { user, page } = await signedIn();
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem', { name: /Account Settings/ }).click();
    await changePasswordThroughUi(page, 'not-the-password', 'long enough password', 'sent');

    await page
      .getByTestId('nc-user-settings-form__error')
      .filter({ hasText: /^Current password is wrong$/ })
      .waitFor();
    expect(await page.getByTestId('nc-user-settings-form__current-password').inputValue()).toBe('');
    expect(
      (await api(user.url, '/api/v1/auth/user/signin', { method: 'POST', body: { email: user.email, password: user.password } })).status,
    ).toBe(200);
  });

  it('copy example → the clipboard holds a curl line that runs and authenticates as the user', async () => {
    const { user, page } = await signedIn();
    await openTokensTab(page);
    const name = `curl-${randomUUID().slice(0, 8)}`;
    await page.getByTestId('nc-token-create').first().click();
    await page.locator('.nc-token-generate').getByTestId('nc-token-input').fill(name);
    await page.getByTestId('nc-token-save-btn').click();
    const panel = page.getByTestId('nc-token-usage');
    await panel.waitFor();
    expect(await panel.locator('pre').last().textContent()).toBe(`curl -H 'xc-token: ••••••••••••' '${user.url}/api/v1/auth/user/me'`);
    await screenshot(page, '12c-use-it-panel');

    await page.getByTestId('nc-token-usage-copy').click();
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();
    const line = await app!.clipboardText();
    expect(line).toMatch(new RegExp(`^curl -H 'xc-token: [A-Za-z0-9_-]{40}' '${user.url}/api/v1/auth/user/me'$`));
    const { stdout } = await run('sh', ['-c', `${line} --silent --max-time 10`]);
    expect(JSON.parse(stdout)).toMatchObject({ email: user.email });
  });

  it('test → "Works"; after a delete behind the app’s back, the honest answer', async () => {
    const { user, page } = await signedIn();
    const jwt = await apiSignIn(user);
    const name = `tested-${randomUUID().slice(0, 8)}`;
    const created = await api(user.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: name } });
    expect(created.status).toBe(200);
    await openTokensTab(page);
    const row = page.getByTestId('nc-token-row').filter({ hasText: name });

    await row.getByTestId('nc-token-row-test').click();
    await row
      .getByRole('status')
      .filter({ hasText: /^Works$/ })
      .waitFor();
    await screenshot(page, '12d-token-works');

    expect((await api(user.url, `/api/v1/tokens/${created.body!['id']}`, { method: 'DELETE', jwt })).status).toBe(200);
    const stillAccepted =
      (await api(user.url, '/api/v1/auth/user/me', { apiToken: created.body!['token'] })).body?.['email'] === user.email;
    await row.getByTestId('nc-token-row-test').click();
    const honest = stillAccepted ? 'Deleted, still accepted' : 'Rejected by the server';
    await row
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${honest}$`) })
      .waitFor();
    console.log(`Deleted token on this server: ${stillAccepted ? 'still accepted (0.301.3 cache)' : 'refused at once'}`);
    await screenshot(page, '12e-token-deleted-test');
  });
});
