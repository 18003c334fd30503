// What the journeys do again and again: a user's steps in the UI, and plain API calls that check
// the server behind the app's back.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { NocodbCredentials } from '../support/nocodb-env.ts';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export async function signInThroughUi(page: Page, user: NocodbCredentials) {
  const form = page.getByTestId('nc-form-signin');
  await form.getByLabel('Server URL').fill(user.url);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByLabel('Password').press('Enter');
  await form.waitFor({ state: 'detached' });
}

/**
 * Signs in through the form by its fields' names, so in any language, and confirms the plain-http
 * warning if it comes (a LAN test name such as `nocodb.acme.example.test`, see resolving-fetch.ts).
 */
export async function signInAnyLanguage(page: Page, user: NocodbCredentials) {
  const form = page.getByTestId('nc-form-signin');
  await form.locator('input[name="serverUrl"]').fill(user.url);
  await form.locator('input[name="email"]').fill(user.email);
  await form.locator('input[name="password"]').fill(user.password);
  await form.locator('input[name="password"]').press('Enter');
  const consent = page.getByTestId('nc-plain-http-confirm-btn');
  await consent.or(page.getByTestId('nc-sidebar-userinfo')).first().waitFor();
  if (await consent.isVisible()) await consent.click();
  await form.waitFor({ state: 'detached' });
}

/** Signs in to each account in turn (the others through "Add account"); the last one is active. */
export async function signInAccounts(page: Page, users: NocodbCredentials[]) {
  for (const [index, user] of users.entries()) {
    if (index > 0) {
      await page.getByTestId('nc-sidebar-userinfo').click();
      await page.getByTestId('nc-account-add').click();
    }
    await signInAnyLanguage(page, user);
  }
}

/** User menu (bottom-left) → Account Settings → API Tokens, as the seed describes it. */
export async function openTokensTab(page: Page, options: { menuScreenshot?: string } = {}) {
  await page.getByTestId('nc-sidebar-userinfo').click();
  const accountSettings = page.getByRole('menuitem', { name: /Account Settings/ });
  await accountSettings.waitFor();
  if (options.menuScreenshot) await screenshot(page, options.menuScreenshot);
  await accountSettings.click();
  await openAccountTab(page, 'API Tokens');
  await page.getByTestId('nc-token-list').first().waitFor();
}

/** User menu → "Add account" → the sign-in screen (with its Cancel) → signed in as `user`, now the active account. */
export async function addAccountThroughUi(page: Page, user: NocodbCredentials, options: { onForm?: () => Promise<void> } = {}) {
  await page.getByTestId('nc-sidebar-userinfo').click();
  await page.getByTestId('nc-account-add').click();
  await page.getByTestId('nc-account-add-cancel').waitFor();
  await options.onForm?.();
  await signInThroughUi(page, user);
}

/** User menu → the one account whose switch item shows `text` (its email or its server's host). */
export async function switchAccountThroughUi(page: Page, text: string) {
  await page.getByTestId('nc-sidebar-userinfo').click();
  await page.getByTestId('nc-account-switch').filter({ hasText: text }).click();
}

/** A tab in the Account Settings panel. */
export async function openAccountTab(page: Page, name: 'Profile' | 'Password' | 'API Tokens') {
  await page.getByRole('navigation', { name: 'Account Settings' }).getByRole('link', { name }).click();
}

/**
 * Fills the Password tab's three fields and sends them; with `until: 'changed'` waits for the
 * success message, otherwise returns once the form was sent.
 */
export async function changePasswordThroughUi(
  page: Page,
  currentPassword: string,
  newPassword: string,
  until: 'changed' | 'sent' = 'changed',
) {
  await openAccountTab(page, 'Password');
  await page.getByTestId('nc-user-settings-form__current-password').fill(currentPassword);
  await page.getByTestId('nc-user-settings-form__new-password').fill(newPassword);
  await page.getByTestId('nc-user-settings-form__new-password-repeat').fill(newPassword);
  await page.getByTestId('nc-user-settings-form__new-password-repeat').press('Enter');
  if (until === 'changed') await page.getByRole('status').filter({ hasText: 'this app stays signed in' }).waitFor();
}

/** Direct calls to NocoDB, to check what the server really holds. */
export async function api(url: string, pathName: string, init: { method?: string; jwt?: string; apiToken?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.jwt) headers['xc-auth'] = init.jwt;
  if (init.apiToken) headers['xc-token'] = init.apiToken;
  const response = await fetch(`${url}${pathName}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

export async function apiSignIn(user: NocodbCredentials): Promise<string> {
  const { status, body } = await api(user.url, '/api/v1/auth/user/signin', {
    method: 'POST',
    body: { email: user.email, password: user.password },
  });
  expect(status).toBe(200);
  return body!['token'] as string;
}

export async function apiTokenNames(url: string, jwt: string): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const { body } = await api(url, `/api/v1/tokens?limit=100&offset=${offset}`, { jwt });
    const list = body!['list'] as Array<{ description: string | null }>;
    names.push(...list.map((row) => row.description ?? ''));
    if (body!['pageInfo'].isLastPage || list.length === 0) return names;
  }
}
