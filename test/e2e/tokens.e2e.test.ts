// Journeys 2, 3, 4 and 8: add a token, copy it to the real clipboard, delete it, page through 30.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { realNocodb, signUpUser } from '../support/nocodb-env.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp } from './harness.ts';
import { api, apiSignIn, apiTokenNames, openAccountTab, openTokensTab, screenshot, signInThroughUi } from './steps.ts';

describe('token journeys against a real NocoDB', () => {
  const started = closedAfterEachTest();
  let app: LaunchedApp | null = null;

  async function signedInOnTokensTab(options: Parameters<typeof openTokensTab>[1] = {}) {
    const user = await signUpUser(realNocodb().url);
    app = await started.app({ serverUrl: user.url });
    await signInThroughUi(app.page, user);
    await openTokensTab(app.page, options);
    return { user, page: app.page, jwt: await apiSignIn(user) };
  }

  async function addToken(page: LaunchedApp['page'], name: string) {
    await page.getByTestId('nc-token-create').first().click();
    const input = page.locator('.nc-token-generate').getByTestId('nc-token-input');
    await input.fill(name);
    await page.getByTestId('nc-token-save-btn').click();
    const row = page.getByTestId('nc-token-row').filter({ hasText: name });
    await row.waitFor();
    return row;
  }

  it('2. user menu → Account Settings → Tokens → Add New API Token → name → Save → row appears', async () => {
    const { user, page, jwt } = await signedInOnTokensTab({ menuScreenshot: '02-user-menu-open' });
    await page.getByTestId('nc-token-create').first().click();
    const input = page.locator('.nc-token-generate').getByTestId('nc-token-input');
    expect(await input.inputValue()).toBe('Token-1');
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await screenshot(page, '02a-add-token-row');

    await page.keyboard.type('Desktop client demo');
    await page.keyboard.press('Enter');
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'Desktop client demo' });
    await row.waitFor();
    expect(await row.textContent()).toContain('*****');
    expect(await apiTokenNames(user.url, jwt)).toEqual(['Desktop client demo']);
    await screenshot(page, '02b-token-created');
  });

  it('3. Copy → the system clipboard holds a token that authenticates as xc-token; cleared after the delay', async () => {
    const { user, page } = await signedInOnTokensTab();
    // Shorten the auto-clear delay through the Profile tab, as a user would.
    await openAccountTab(page, 'Profile');
    await page.getByLabel('Seconds').fill('2');
    await screenshot(page, '03a-profile');
    await page.getByRole('form', { name: 'Clear the clipboard after copying a token' }).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await openAccountTab(page, 'API Tokens');

    const row = await addToken(page, `copy-${randomUUID().slice(0, 8)}`);
    await row.getByTestId('nc-token-row-copy').click();
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();
    await screenshot(page, '03-copied-toast');

    const copied = await app!.clipboardText();
    expect(copied).toMatch(/^[A-Za-z0-9_-]{40}$/);
    const me = await api(user.url, '/api/v1/auth/user/me', { apiToken: copied });
    expect(me.body).toMatchObject({ email: user.email });
    await expect.poll(() => app!.clipboardText(), { timeout: 6_000, interval: 250 }).toBe('');
  });

  it('4. Delete → confirm → row gone, gone from the server, and the app reports what the server does with it', async () => {
    const { user, page, jwt } = await signedInOnTokensTab();
    const name = `delete-${randomUUID().slice(0, 8)}`;
    const row = await addToken(page, name);
    await row.getByRole('button', { name: 'Show or Hide' }).click();
    const secret = row.locator('.token-secret');
    await secret.waitFor();
    const value = (await secret.textContent())!.trim();
    expect(value).toMatch(/^[A-Za-z0-9_-]{40}$/);

    await row.getByTestId('nc-token-row-action-icon').click();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog')).first();
    await dialog.getByText('Are you sure you want to delete the following token?').waitFor();
    expect(await dialog.textContent()).toContain(name);
    await screenshot(page, '04a-delete-dialog');
    await dialog.getByTestId('nc-delete-modal-delete-btn').click();

    await expect.poll(() => page.getByTestId('nc-token-row').filter({ hasText: name }).count()).toBe(0);
    expect(await apiTokenNames(user.url, jwt)).not.toContain(name);
    // What the app reports must match what the server does with the deleted token right now.
    const stillAccepted = (await api(user.url, '/api/v1/auth/user/me', { apiToken: value })).body?.['email'] === user.email;
    const notice = page.getByText(stillAccepted ? /still accept/i : /no longer accepts/i);
    await notice.first().waitFor();
    await screenshot(page, '04b-deleted-notice');
  });

  it('8. 30 tokens on the server → pagination shows them all across pages, none twice, none missing', async () => {
    const { user, page, jwt } = await signedInOnTokensTab();
    const names = Array.from({ length: 30 }, (_, i) => `page-token-${String(i + 1).padStart(2, '0')}`);
    for (const name of names) {
      expect((await api(user.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: name } })).status).toBe(200);
    }
    await page.reload();
    await page.getByTestId('nc-token-row').first().waitFor();

    const seen: string[] = [];
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    for (let pageNumber = 1; ; pageNumber += 1) {
      await expect.poll(() => pagination.locator('[aria-current="page"]').textContent()).toBe(String(pageNumber));
      const rows = page.getByTestId('nc-token-row');
      await rows.first().waitFor();
      for (const text of await rows.allTextContents()) seen.push(text.match(/page-token-\d\d/)![0]);
      // The server counts every user's tokens; the pager must never offer a page past this user's 3.
      const offered = (await pagination.getByRole('button', { name: /^Page \d+$/ }).allTextContents()).map(Number);
      expect(Math.max(...offered)).toBeLessThanOrEqual(3);
      if (pageNumber === 1) await screenshot(page, '08-pagination');
      const next = pagination.getByRole('button', { name: /next/i });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(seen).toHaveLength(30);
    expect([...seen].sort()).toEqual(names);
  });
});
