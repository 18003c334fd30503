// A token value the user revealed must not outlive its account, nor the OS locking the screen, in the
// window's memory: reveal a token, log its account out (another account stays open) or lock the
// screen, and search a heap snapshot of the page (CDP `HeapProfiler.takeHeapSnapshot`) for the value.
// It is there before — so the search can find it — and gone after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { setUpFakeServerApp } from './fake-server-app.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import { addAccountThroughUi, openTokensTab, signInThroughUi } from './steps.ts';

/** Whether a heap snapshot of the page (taken after a full garbage collection) holds `needle`. */
async function heapHolds(page: Page, needle: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => void chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('').includes(needle);
}

describe('the window forgets a revealed token with its account', () => {
  let fake: FakeNocodb;
  let app: LaunchedApp;
  // Neither is the server's super admin, so each lists only their own tokens.
  const grace = { email: 'grace@example.com', password: 'grace-password' };
  const bob = { email: 'bob@example.com', password: 'bob-password' };
  let value: string;

  beforeAll(async () => {
    fake = await startFakeNocodb();
    fake.addUser(grace);
    fake.addUser(bob);
    value = fake.addToken(grace.email, { description: 'grace CI' }).token;
    fake.addToken(bob.email, { description: 'bob CI' });
    app = await launchApp({ serverUrl: fake.url, clipboard: 'memory' });
    // Bob's account stays signed in; Grace's (added last, so the one on screen) is logged out.
    await signInThroughUi(app.page, { url: fake.url, ...bob });
    await addAccountThroughUi(app.page, { url: fake.url, ...grace });
  });
  afterAll(async () => {
    await app?.close();
    await shutdownHarness();
    await fake?.close();
  });

  it('reveal in All tokens, Log Out: the value is in the heap before and nowhere after', async () => {
    const { page } = app;
    await page.getByTestId('nc-all-tokens').first().click();
    const graceRow = page.getByTestId('nc-all-tokens-row').filter({ hasText: 'grace CI' });
    await graceRow.getByRole('button', { name: 'Show or Hide' }).click();
    await expect.poll(() => graceRow.locator('.token-secret').textContent()).toBe(value);
    expect(await heapHolds(page, value)).toBe(true);

    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByTestId('nc-sidebar-user-logout').click();
    await expect.poll(() => page.getByTestId('nc-all-tokens-row').filter({ hasText: 'grace CI' }).count()).toBe(0);
    await page.getByTestId('nc-all-tokens').first().click();
    await expect.poll(() => page.getByTestId('nc-all-tokens-row').filter({ hasText: 'bob CI' }).count()).toBe(1);

    expect(await heapHolds(page, value)).toBe(false);
  });
});

describe('the window forgets a revealed token when the OS locks the screen', () => {
  const started = setUpFakeServerApp();

  it('reveal in the Tokens tab, lock: the value is in the heap before and nowhere after, its row still on screen', async () => {
    const { server, app } = started;
    const { page } = app;
    const value = server.addToken(server.admin.email, { description: 'deploy CI' }).token;
    await signInThroughUi(page, { url: server.url, ...server.admin });
    await openTokensTab(page);
    const row = page.getByTestId('nc-token-row').filter({ hasText: 'deploy CI' });
    await row.getByRole('button', { name: 'Show or Hide' }).click();
    await expect.poll(() => row.textContent()).toContain(value);
    expect(await heapHolds(page, value)).toBe(true);

    await app.lockScreen();
    await expect.poll(() => row.textContent()).not.toContain(value);
    expect(await row.count()).toBe(1);
    expect(await heapHolds(page, value)).toBe(false);
  });
});
