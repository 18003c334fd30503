// Hardening: a fault-injecting fake NocoDB behind the real app. For each fault the UI must say
// something clear, show no stack trace, stay usable, and keep or clear the session correctly.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fault, FakeNocodb } from '../support/fake-nocodb.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import type { LaunchedApp, LaunchOptions } from './harness.ts';
import { api, apiSignIn, signInThroughUi } from './steps.ts';

const TIMEOUT_MS = 1_500;
/** What must never reach the screen: stack frames, raw error objects, server internals. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|innerError|stack|TypeError|ECONN|fetch failed|\[object Object\]|undefined|<html/i;

async function expectNoLeak(page: Page) {
  expect(await page.locator('body').innerText()).not.toMatch(LEAK);
}

describe('server faults behind the real app', () => {
  const started = closedAfterEachTest();
  let server: FakeNocodb;
  let app: LaunchedApp;
  let faults = 0;
  /** The app on the Tokens tab, signed in to `server`. */
  async function signedIn(options: Partial<LaunchOptions> = {}) {
    app = await started.app({
      serverUrl: server.url,
      secretStore: 'memory',
      clipboard: 'memory',
      requestTimeoutMs: TIMEOUT_MS,
      route: '#/account/tokens',
      ...options,
    });
    await signInThroughUi(app.page, { url: server.url, ...server.admin });
    await app.page.getByTestId('nc-token-list').waitFor();
  }

  beforeEach(async () => {
    server = await started.server();
    await signedIn();
  });
  afterAll(() => console.log(`Server faults: ${faults} fault cases passed in the UI`));

  /** Seeds tokens straight on the server, then shows them in the app. */
  async function seedTokens(count: number) {
    const jwt = await apiSignIn({ url: server.url, ...server.admin });
    for (let i = 1; i <= count; i += 1) {
      expect((await api(server.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: `seed-${i}` } })).status).toBe(200);
    }
    await app.page.reload();
    await app.page.getByTestId('nc-token-row').filter({ hasText: 'seed-1' }).first().waitFor();
  }

  async function listFailsThenRetryWorks(fault: Fault, message: RegExp) {
    const { page } = app;
    await seedTokens(11);
    server.faults.inject(fault, { route: 'tokens.list' });
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Page 2' }).click();
    const alert = page.getByRole('alert').filter({ hasText: message });
    await alert.waitFor();
    await expectNoLeak(page);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('nc-token-row').filter({ hasText: 'seed-11' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('nc-form-signin').count()).toBe(0);
    faults += 1;
  }

  it.each<[string, Fault, RegExp]>([
    ['a 500 with a stack in the body', { kind: 'server-error' }, /server had a problem/i],
    ['malformed JSON', { kind: 'malformed-json' }, /server/i],
    ['an HTML page', { kind: 'html' }, /NocoDB|server/i],
    ['a hanging response (timeout)', { kind: 'hang' }, /did not answer|timed out|took too long/i],
    ['a connection reset', { kind: 'reset' }, /Cannot reach/i],
  ])('listing: %s → a clear message, no stack, Retry works', async (_label, fault, message) => {
    await listFailsThenRetryWorks(fault, message);
  });

  it('a 401 in the middle of the session: one silent refresh, the list loads, still signed in', async () => {
    await seedTokens(1);
    const refreshesBefore = server.calls.refresh;
    server.expireJwts();
    await app.page.reload();
    await app.page.getByTestId('nc-token-row').filter({ hasText: 'seed-1' }).waitFor();
    expect(server.calls.refresh).toBe(refreshesBefore + 1);
    expect(await app.page.getByTestId('nc-form-signin').count()).toBe(0);
    faults += 1;
  });

  it('a refresh the server refuses: back to sign-in with the email filled in and a session-expired notice', async () => {
    server.expireJwts();
    server.faults.inject({ kind: 'token-expired' }, { route: 'refresh', times: Infinity });
    await app.page.getByRole('button', { name: 'Add New API Token' }).click();
    await app.page.getByTestId('nc-token-save-btn').click();
    const form = app.page.getByTestId('nc-form-signin');
    await form.waitFor();
    expect(await form.getByLabel('Email').inputValue()).toBe(server.admin.email);
    await app.page
      .getByText(/session expired/i)
      .first()
      .waitFor();
    await expectNoLeak(app.page);
    faults += 1;
  });

  it('a refresh that hits a server error: the session is kept, the error is clear, Retry works once the server recovers', async () => {
    await seedTokens(1);
    server.expireJwts();
    server.faults.inject({ kind: 'server-error' }, { route: 'refresh' });
    await app.page.reload();
    const alert = app.page.getByRole('alert').filter({ hasText: /server had a problem/i });
    await alert.waitFor();
    await expectNoLeak(app.page);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await app.page.getByTestId('nc-token-row').filter({ hasText: 'seed-1' }).waitFor();
    expect(await app.page.getByTestId('nc-form-signin').count()).toBe(0);
    faults += 1;
  });

  it('a slow server (5 s with a generous timeout): loading shows, then the rows', async () => {
    await app.close();
    await signedIn({ requestTimeoutMs: 10_000 });
    await seedTokens(1);
    server.faults.inject({ kind: 'slow', ms: 5_000 }, { route: 'tokens.list' });
    await app.page.reload();
    await app.page.getByText('Loading tokens…').waitFor();
    await app.page.getByTestId('nc-token-row').filter({ hasText: 'seed-1' }).waitFor({ timeout: 15_000 });
    faults += 1;
  });

  it('no lost work: a token created while the follow-up list fails still appears and can be copied', async () => {
    const { page } = app;
    server.faults.inject({ kind: 'server-error' }, { route: 'tokens.list', times: Infinity });
    await page.getByRole('button', { name: 'Add New API Token' }).click();
    await page.getByTestId('nc-token-input').fill('made during an outage');
    await page.getByTestId('nc-token-save-btn').click();
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'made during an outage' });
    await row.waitFor();
    await row.getByTestId('nc-token-row-copy').click();
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();
    expect(await app.clipboardText()).toMatch(/^[A-Za-z0-9_-]{40}$/);
    faults += 1;
  });

  it('no lost work: a create that times out is not retried into two tokens, and the typed name stays', async () => {
    const { page } = app;
    server.faults.inject({ kind: 'slow', ms: TIMEOUT_MS + 1_000 }, { route: 'tokens.create' });
    await page.getByRole('button', { name: 'Add New API Token' }).click();
    await page.getByTestId('nc-token-input').fill('only once');
    await page.getByTestId('nc-token-save-btn').click();
    await page
      .getByText(/did not answer|timed out|took too long/i)
      .first()
      .waitFor();
    expect(await page.getByTestId('nc-token-input').inputValue()).toBe('only once');
    await expectNoLeak(page);
    await expect.poll(() => server.calls['tokens.create'], { timeout: 5_000 }).toBe(1);
    await page.waitForTimeout(1_500); // the slow answer lands on the server after the timeout
    expect(server.calls['tokens.create']).toBe(1);
    faults += 1;
  });

  it('no lost work: a delete that fails keeps the row and says why', async () => {
    const { page } = app;
    await seedTokens(1);
    server.faults.inject({ kind: 'server-error' }, { route: 'tokens.delete' });
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'seed-1' });
    await row.getByTestId('nc-token-row-action-icon').click();
    await page.getByTestId('nc-delete-modal-delete-btn').click();
    await page
      .getByRole('alertdialog')
      .getByText(/server had a problem/i)
      .waitFor();
    await expectNoLeak(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    faults += 1;
  });
});
