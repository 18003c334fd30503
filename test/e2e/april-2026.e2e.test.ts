// The images of April 2026 and later, through the whole app in real Chromium against the fake NocoDB
// (built from shared/nocodb/API-current.md, "Images of April 2026 and later"): an expiry chosen at
// creation, the enable switch, the licence gate, and a 0.301.3-style server where none of it appears.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeGeneration, FakeNocodb } from '../support/fake-nocodb.ts';
import { expectNoAxeViolations } from './axe.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import { openTokensTab, screenshot, signInThroughUi } from './steps.ts';

const DAY = 24 * 3600_000;

const started = closedAfterEachTest();

async function onTokensTab(generation: FakeGeneration) {
  const server = await started.server({ generation });
  const app = await started.app({ serverUrl: server.url, secretStore: 'memory', clipboard: 'memory' });
  await signInThroughUi(app.page, { url: server.url, ...server.admin });
  await openTokensTab(app.page);
  return { page: app.page, fake: server };
}

/** Opens the create row, names the token, lets `choose` set the expiry, saves, and waits for the row. */
async function createToken(page: Page, name: string, choose?: (expiry: ReturnType<Page['getByTestId']>) => Promise<unknown>) {
  await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
  await page.locator('.nc-token-generate').getByTestId('nc-token-input').fill(name);
  await choose?.(page.getByTestId('nc-token-expiry'));
  await page.getByTestId('nc-token-save-btn').click();
  const row = page.getByTestId('nc-token-row').filter({ hasText: name });
  await row.waitFor();
  return row;
}

const daysUntil = (expiry: string | null | undefined) => (Date.parse(expiry ?? '') - Date.now()) / DAY;
const expiryOf = (fake: FakeNocodb, name: string) => fake.tokensOf(fake.admin.email).find((token) => token.description === name)?.expiry;

describe('April 2026 image, v3 open', () => {
  it('create with 30 days → the server’s token expires in 30 days; left alone → 90 days; the new rows show it', async () => {
    const { page, fake } = await onTokensTab('april-2026');
    const thirty = await createToken(page, 'thirty days', (expiry) => expiry.selectOption('30'));
    await createToken(page, 'left alone');

    expect(daysUntil(expiryOf(fake, 'thirty days'))).toBeCloseTo(30, 1);
    expect(daysUntil(expiryOf(fake, 'left alone'))).toBeCloseTo(90, 1);
    const shown = await thirty.locator('.token-expires time').getAttribute('datetime');
    expect(daysUntil(shown)).toBeCloseTo(30, 1);
    expect(await thirty.textContent()).toContain('nc_pat_');
    await screenshot(page, 'april-2026-created-with-expiry');
  });

  it('the switch disables the token on the server and enables it again; Test on the disabled token says why it is refused', async () => {
    const { page, fake } = await onTokensTab('april-2026');
    const row = await createToken(page, 'switched', (expiry) => expiry.selectOption('7'));
    const toggle = row.getByTestId('nc-token-row-enable');
    expect(await toggle.getAttribute('role')).toBe('switch');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    expect(fake.tokensOf(fake.admin.email)[0]?.enabled).toBe(false);
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByTestId('nc-token-row-test').click();
    await row.getByText('Refused: disabled', { exact: true }).waitFor();
    await screenshot(page, 'april-2026-disabled-row');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect(fake.tokensOf(fake.admin.email)[0]?.enabled).toBe(true);
  });
});

describe('All tokens on an April 2026 image', () => {
  it('Expires within 30 days picks up a token made with 7 days; Disable selected switches tokens off on the server; the Disabled filter shows them', async () => {
    const { page, fake } = await onTokensTab('april-2026');
    await createToken(page, 'week', (expiry) => expiry.selectOption('7'));
    await createToken(page, 'quarter');
    await page.locator('.account-back').click();
    await page.locator('.rail').getByTestId('nc-all-tokens').click();
    const rowNamed = (name: string) => page.getByTestId('nc-all-tokens-row').filter({ hasText: name });
    await rowNamed('quarter').waitFor();

    await page.getByTestId('nc-all-tokens-filter').locator('[data-filter="expiring"]').click();
    await expect.poll(() => page.getByTestId('nc-all-tokens-row').allTextContents()).toEqual([expect.stringContaining('week')]);
    await page.getByTestId('nc-all-tokens-filter').locator('[data-filter="all"]').click();

    await rowNamed('week').getByRole('checkbox').check();
    await rowNamed('quarter').getByRole('checkbox').check();
    await page.getByTestId('nc-all-tokens-disable-selected').click();
    await expect.poll(() => fake.tokensOf(fake.admin.email).map((token) => token.enabled)).toEqual([false, false]);
    await page.getByTestId('nc-all-tokens-filter').locator('[data-filter="disabled"]').click();
    await expect.poll(() => page.getByTestId('nc-all-tokens-row').count()).toBe(2);
    expect(await page.getByTestId('nc-all-tokens-disable-selected').count()).toBe(0);
    await screenshot(page, 'april-2026-all-tokens-disabled');
  });
});

describe('April 2026 image behind the licence gate (v3 answers 402)', () => {
  it('a token with an expiry is still created, no switch is offered, and no error shows', async () => {
    const { page, fake } = await onTokensTab('licence-gated');
    const row = await createToken(page, 'gated', (expiry) => expiry.selectOption('60'));

    expect(daysUntil(expiryOf(fake, 'gated'))).toBeCloseTo(60, 1);
    expect(await row.getByTestId('nc-token-row-enable').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('.toast-error').count()).toBe(0);
  });
});

describe('a 0.301.3-style server', () => {
  it('shows none of the new controls, and the create journey is as before', async () => {
    const { page, fake } = await onTokensTab('0.301.3');
    await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
    await page.locator('.nc-token-generate').waitFor();
    expect(await page.getByTestId('nc-token-expiry').count()).toBe(0);
    await page.getByTestId('nc-token-save-btn').click();
    const row = page.getByTestId('nc-token-row').first();
    await row.waitFor();

    expect(await page.getByTestId('nc-token-row-enable').count()).toBe(0);
    expect(fake.tokensOf(fake.admin.email)).toEqual([expect.objectContaining({ expiry: null, enabled: true })]);
  });
});

describe('axe: the create row with its expiry control and a row with its switch', () => {
  async function showBoth(page: Page) {
    await createToken(page, 'axe row', (expiry) => expiry.selectOption('30'));
    await page.getByTestId('nc-token-create').or(page.getByTestId('nc-token-create-top')).first().click();
    await page.getByTestId('nc-token-expiry').selectOption('date');
    await page.getByTestId('nc-token-expiry-date').waitFor();
    await page.getByTestId('nc-token-row-enable').first().waitFor();
  }

  it('English, light and dark', async () => {
    const { page } = await onTokensTab('april-2026');
    await showBoth(page);
    await expectNoAxeViolations(page, 'april 2026 tokens english');
  });

  it('Arabic, light and dark', async () => {
    const { page } = await onTokensTab('april-2026');
    // Profile's language choice, then back to the Tokens tab.
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem').last().click();
    await page.getByTestId('nc-language-select').selectOption('ar');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { dir: string } }).document.dir)).toBe('rtl');
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/account/tokens';
    });
    await page.getByTestId('nc-token-list').first().waitFor();
    await showBoth(page);
    await expectNoAxeViolations(page, 'april 2026 tokens arabic');
  });
});
