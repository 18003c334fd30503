// Journeys against today's NocoDB (the fake's 2026 generation, built from API-current.md): tokens
// shown once and kept in the keychain, tokens the app cannot show, the copies setting, delete, and
// a session ended by a sign-in elsewhere. Real Chromium, real keychain, real X clipboard.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import type { NocodbCredentials } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { api, apiSignIn, openAccountTab, openTokensTab, screenshot, signInThroughUi } from './steps.ts';

const NOT_SHOWN_AGAIN = 'The server shows a token only once, when it is created';

describe("token journeys against today's NocoDB (2026 fake)", () => {
  let server: FakeNocodb;
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;
  beforeAll(async () => {
    server = await startFakeNocodb({ generation: '2026' });
  });
  afterAll(async () => {
    await server.close();
  });

  /** A user of its own (a sign-in on today's server ends the user's other sessions). */
  async function signedInOnTokensTab() {
    const user: NocodbCredentials = { url: server.url, email: `user-${randomUUID()}@example.com`, password: `Pw-${randomUUID()}` };
    server.addUser(user);
    app = await started.app({ serverUrl: server.url });
    await signInThroughUi(app.page, user);
    await openTokensTab(app.page);
    return { user, page: app.page };
  }

  async function addToken(page: LaunchedApp['page'], name: string) {
    await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
    await page.locator('.nc-token-generate').getByTestId('nc-token-input').fill(name);
    await page.getByTestId('nc-token-save-btn').click();
    const row = page.getByTestId('nc-token-row').filter({ hasText: name });
    await row.waitFor();
    return row;
  }

  const acceptedAs = async (value: string) => (await api(server.url, '/api/v1/auth/user/me', { apiToken: value })).body?.['email'];

  it('create → Copy in the created notice → the clipboard holds a token the server accepts; after a restart Copy in the row still works from the keychain', async () => {
    const { user, page } = await signedInOnTokensTab();
    const name = `shown-once-${randomUUID().slice(0, 8)}`;
    await addToken(page, name);
    await page.getByText('The server will not show this token again.', { exact: false }).first().waitFor();
    await screenshot(page, '10a-created-notice-shown-once');
    await page.getByTestId('nc-token-created-copy').click();
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();

    const copied = await app!.clipboardText();
    expect(copied).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(await acceptedAs(copied)).toBe(user.email);
    // The copy lives in the keychain under the token's id, and nowhere in the list the server sends.
    const [id] = server.tokensOf(user.email).map((token) => token.id);
    // One entry per copy, named by the account's opaque id and the token's id.
    expect([...(await app!.keychainTokenCopies()).entries()]).toEqual([[expect.stringMatching(new RegExp(` ${id}$`)), copied]]);

    await app!.restart();
    await openTokensTab(app!.page);
    const row = app!.page.getByTestId('nc-token-row').filter({ hasText: name });
    expect(await row.textContent()).toContain(`${copied.slice(0, 8)}••••••`);
    await row.getByTestId('nc-token-row-copy').click();
    await app!.page.getByText('Copied to clipboard', { exact: true }).waitFor();
    await expect.poll(() => app!.clipboardText()).toBe(copied);
  });

  it('a token made outside the app: Show and Copy are disabled with the explanation, nothing reaches the clipboard', async () => {
    const { user, page } = await signedInOnTokensTab();
    server.addToken(user.email, { description: 'made in the web UI', lastUsedAt: '2026-11-27 08:00:00+00:00' });
    await page.reload();
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'made in the web UI' });
    await row.waitFor();
    const copy = row.getByTestId('nc-token-row-copy');
    expect(await copy.getAttribute('aria-disabled')).toBe('true');
    expect(await row.getByRole('button', { name: 'Show or Hide' }).getAttribute('aria-disabled')).toBe('true');
    // Still focusable: Tab reaches it and the tooltip explains.
    await copy.focus();
    await page.getByRole('tooltip').filter({ hasText: NOT_SHOWN_AGAIN }).waitFor();
    await screenshot(page, '10b-token-not-shown-again');
    const before = await app!.clipboardText();
    await copy.click({ force: true });
    await page.keyboard.press('Enter');
    expect(await app!.clipboardText()).toBe(before);
    expect(await page.locator('.toast-error').count()).toBe(0);
    // This server sends last use and expiry, so the table shows them.
    expect(await page.getByRole('columnheader').allTextContents()).toEqual([
      'Token name',
      'Creator',
      'Token',
      'Last used',
      'Expires',
      'Actions',
    ]);
  });

  it('turning the setting off removes the copies from the keychain', async () => {
    const { page } = await signedInOnTokensTab();
    await addToken(page, 'kept for now');
    expect((await app!.keychainTokenCopies()).size).toBe(1);

    await openAccountTab(page, 'Profile');
    const box = page.getByLabel("Keep a copy of tokens I create in this computer's keychain");
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(async () => (await app!.keychainTokenCopies()).size).toBe(0);
    await screenshot(page, '10c-profile-copies-off');

    await openAccountTab(page, 'API Tokens');
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'kept for now' });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('nc-token-row-copy').getAttribute('aria-disabled')).toBe('true');
  });

  it('delete → the keychain copy is gone and the notice says the server stopped accepting the token', async () => {
    const { page } = await signedInOnTokensTab();
    const row = await addToken(page, 'to delete');
    const [[, value]] = [...(await app!.keychainTokenCopies()).entries()] as [[string, string]];
    await row.getByTestId('nc-token-row-action-icon').click();
    await page.getByTestId('nc-delete-modal-delete-btn').click();
    await page.getByText('Token deleted. The server no longer accepts it.').first().waitFor();
    expect((await app!.keychainTokenCopies()).size).toBe(0);
    expect(await acceptedAs(value)).toBeUndefined();
    expect(await page.getByText(/cache/i).count()).toBe(0);
  });

  it('a sign-in elsewhere ends the session: the next call lands on sign-in with the email kept and the reason', async () => {
    const { user, page } = await signedInOnTokensTab();
    await apiSignIn(user); // the web UI, another device…
    await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
    await page.getByTestId('nc-token-input').fill('typed before the session ended');
    await page.getByTestId('nc-token-save-btn').click();

    const form = page.getByTestId('nc-form-signin');
    await form.waitFor();
    expect(await form.getByLabel('Email').inputValue()).toBe(user.email);
    await page
      .getByText(/signed in somewhere else/)
      .first()
      .waitFor();
    expect(await page.locator('.toast-error').count()).toBe(0);
    await screenshot(page, '10d-signed-in-elsewhere');

    // Signing in again brings back the name that was being typed; nothing was created meanwhile.
    await form.getByLabel('Password').fill(user.password);
    await form.getByLabel('Password').press('Enter');
    await expect.poll(() => page.getByTestId('nc-token-input').inputValue()).toBe('typed before the session ended');
    expect(server.tokensOf(user.email)).toEqual([]);
  });
});
