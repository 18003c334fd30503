// All tokens across two accounts at once, in the real UI: the real NocoDB 0.301.3 and the fake in
// its 2026 generation. Rows carry the right account; search and every filter; Rotate with revoke and
// with keep; one confirmation deleting tokens on both servers with one refused; a server that fails
// shows its error row while the other account lists; axe in both themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { realNocodb, signUpUser, type NocodbCredentials } from '../support/nocodb-env.ts';
import { expectNoAxeViolations } from './axe.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import { addAccountThroughUi, api, apiSignIn, apiTokenNames, screenshot, signInThroughUi } from './steps.ts';

const DAY = 24 * 3600_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();
const hostOf = (url: string) => new URL(url).host;

describe('All tokens across two accounts', () => {
  let fake: FakeNocodb;
  let real: NocodbCredentials;
  let app: LaunchedApp;
  let fakeTokens: Record<string, string>;
  const rows = () => app.page.getByTestId('nc-all-tokens-row');
  const row = (name: string) => rows().filter({ has: app.page.locator('.token-name', { hasText: new RegExp(`^${name}$`) }) });
  const names = async () => (await rows().locator('.token-name').allTextContents()).sort();
  const filter = (label: string) => app.page.getByTestId('nc-all-tokens-filter').getByRole('button', { name: label, exact: true });
  const whoIs = async (url: string, token: string) => (await api(url, '/api/v1/auth/user/me', { apiToken: token })).body?.['email'];

  beforeAll(async () => {
    fake = await startFakeNocodb({ generation: '2026' });
    real = await signUpUser(realNocodb().url);
    const jwt = await apiSignIn(real);
    for (const name of ['real CI', 'real zapier', 'real cleanup one', 'real cleanup two']) {
      const { status } = await api(real.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: name } });
      if (status !== 200) throw new Error(`Creating the token "${name}" on the real server answered HTTP ${status}`);
    }
    const grace = fake.addUser({ email: 'grace@example.com', password: 'grace-password' });
    const add = (name: string, extra: object, email = fake.admin.email) => fake.addToken(email, { description: name, ...extra }).token;
    fakeTokens = {
      'fake deploy': add('fake deploy', { lastUsedAt: at(-DAY), expiry: null }),
      'fake expired': add('fake expired', { lastUsedAt: at(-DAY), expiry: at(-DAY) }),
      'fake soon': add('fake soon', { lastUsedAt: at(-DAY), expiry: at(5 * DAY) }),
      'fake idle': add('fake idle', { lastUsedAt: null, expiry: null }),
      'fake by grace': add('fake by grace', { lastUsedAt: at(-DAY), expiry: null }, grace.email),
      'fake doomed': add('fake doomed', { lastUsedAt: at(-DAY), expiry: null }),
    };
    app = await launchApp({ serverUrl: real.url });
    await signInThroughUi(app.page, real);
    await addAccountThroughUi(app.page, { url: fake.url, ...fake.admin });
  });
  afterAll(async () => {
    await app?.close();
    await shutdownHarness();
    await fake?.close();
  });

  it('lists both accounts’ tokens with the right account on each row; search and every filter', async () => {
    await app.page.getByTestId('nc-all-tokens').first().click();
    await expect.poll(() => rows().count()).toBe(10);
    expect(await row('real CI').locator('.cell-account-email').textContent()).toBe(real.email);
    expect(await row('real CI').locator('.cell-account-host').textContent()).toBe(hostOf(real.url));
    expect(await row('fake deploy').locator('.cell-account-email').textContent()).toBe(fake.admin.email);
    expect(await row('fake deploy').locator('.cell-account-host').textContent()).toBe(hostOf(fake.url));
    expect(await row('fake expired').locator('.token-state').textContent()).toBe('Expired');
    // At 1280 px no name is cut short (each has a two-line box of its own).
    const cut = await rows()
      .locator('.token-name > *')
      .evaluateAll(
        (boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1).length,
      );
    expect(cut).toBe(0);
    await screenshot(app.page, '19-all-tokens');
    await expectNoAxeViolations(app.page, 'all tokens');

    const search = app.page.getByTestId('nc-all-tokens-search');
    await search.fill('grace');
    await expect.poll(names).toEqual(['fake by grace']);
    await search.fill(hostOf(real.url));
    await expect.poll(names).toEqual(['real CI', 'real cleanup one', 'real cleanup two', 'real zapier']);
    await search.fill(fake.admin.email);
    await expect.poll(() => rows().count()).toBe(6);
    await search.fill('');

    await filter('Expired').click();
    await expect.poll(names).toEqual(['fake expired']);
    await filter('Expires within 30 days').click();
    await expect.poll(names).toEqual(['fake soon']);
    await filter('Unused for 90 days or never used').click();
    await expect.poll(names).toEqual(['fake idle']);
    await filter('Made by other users').click();
    await expect.poll(names).toEqual(['fake by grace']);
    expect(await filter('Made by other users').getAttribute('aria-pressed')).toBe('true');
    await filter('All').click();
    await expect.poll(() => rows().count()).toBe(10);

    // Sorting by a header: aria-sort follows.
    const expires = app.page.getByRole('columnheader', { name: 'Expires' });
    await expires.getByRole('button').click();
    expect(await expires.getAttribute('aria-sort')).toBe('ascending');
    expect(await rows().first().locator('.token-name').textContent()).toBe('fake expired');
  });

  it('Rotate with revoke: a new token of the same name works as xc-token, the old one is refused (2026 server)', async () => {
    const old = fakeTokens['fake deploy']!;
    await row('fake deploy').getByTestId('nc-token-row-rotate').click();
    await app.page.getByTestId('nc-token-rotate').waitFor();
    await expect.poll(() => row('fake deploy').count()).toBe(2);
    await app.page.getByTestId('nc-token-created-copy').click();
    await expect.poll(() => app.clipboardText()).toMatch(/^[A-Za-z0-9]{40}$/);
    const fresh = await app.clipboardText();
    expect(fresh).not.toBe(old);
    await screenshot(app.page, '19-rotate');
    await expectNoAxeViolations(app.page, 'rotate');

    await app.page.getByTestId('nc-token-rotate-revoke').click();
    await app.page.getByTestId('nc-token-rotate').waitFor({ state: 'detached' });
    await expect.poll(() => row('fake deploy').count()).toBe(1);
    expect(await whoIs(fake.url, old)).not.toBe(fake.admin.email);
    expect(await whoIs(fake.url, fresh)).toBe(fake.admin.email);
  });

  it('Rotate with keep: both tokens stay on the server (0.301.3)', async () => {
    await row('real zapier').getByTestId('nc-token-row-rotate').click();
    await app.page.getByTestId('nc-token-rotate-keep').click();
    await app.page.getByTestId('nc-token-rotate').waitFor({ state: 'detached' });
    await expect.poll(() => row('real zapier').count()).toBe(2);
    const onServer = await apiTokenNames(real.url, await apiSignIn(real));
    expect(onServer.filter((name) => name === 'real zapier')).toHaveLength(2);
  });

  it('deletes 3 tokens on both servers after ONE confirmation; the one the server refuses is reported, the others are gone', async () => {
    for (const name of ['real cleanup one', 'real cleanup two', 'fake doomed']) await row(name).getByRole('checkbox').check();
    await app.page.getByTestId('nc-all-tokens-delete-selected').click();
    const dialog = app.page.getByRole('alertdialog');
    await dialog.waitFor();
    for (const line of [`real cleanup one${real.email} · ${hostOf(real.url)}`, `fake doomed${fake.admin.email} · ${hostOf(fake.url)}`]) {
      expect((await dialog.locator('.bulk-token').allTextContents()).join('\n')).toContain(line);
    }
    await expectNoAxeViolations(app.page, 'all tokens delete confirmation');
    // Nothing was deleted before the confirmation.
    expect(fake.tokensOf(fake.admin.email).map((t) => t.description)).toContain('fake doomed');

    fake.faults.inject({ kind: 'server-error' }, { route: 'tokens.delete' });
    await dialog.getByTestId('nc-all-tokens-delete-confirm').click();
    const failures = dialog.getByTestId('nc-all-tokens-delete-failures');
    await failures.waitFor();
    expect(await failures.textContent()).toContain('fake doomed');
    expect(await dialog.getByTestId('nc-all-tokens-deleted').textContent()).toContain('real cleanup one');
    await screenshot(app.page, '19-bulk-delete-report');
    await expectNoAxeViolations(app.page, 'all tokens delete report');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const onReal = await apiTokenNames(real.url, await apiSignIn(real));
    expect(onReal).not.toContain('real cleanup one');
    expect(onReal).not.toContain('real cleanup two');
    expect(fake.tokensOf(fake.admin.email).map((t) => t.description)).toContain('fake doomed');
    await expect.poll(() => row('fake doomed').count()).toBe(1);
    expect(await row('real cleanup one').count()).toBe(0);
  });

  it('an account whose server fails shows one error row with Retry while the other lists', async () => {
    fake.faults.inject({ kind: 'reset' }, { route: 'tokens.list', times: Infinity });
    await app.page.getByRole('link', { name: 'Home' }).click();
    await app.page.getByTestId('nc-all-tokens').first().click();
    const error = app.page.getByTestId('nc-all-tokens-account-error');
    await error.waitFor();
    expect(await error.count()).toBe(1);
    expect(await error.textContent()).toContain(fake.admin.email);
    await expect.poll(() => row('real CI').count()).toBe(1);
    expect(await row('fake soon').count()).toBe(0);
    await expectNoAxeViolations(app.page, 'all tokens with an account error');

    fake.faults.clear();
    await error.getByRole('button', { name: 'Retry' }).click();
    await error.waitFor({ state: 'detached' });
    await expect.poll(() => row('fake soon').count()).toBe(1);
  });
});
