// Journey 7: the server stops mid-session and comes back. It runs on a NocoDB of its own, since
// stopping the shared one would break every other test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNocodb, type NocodbServer } from '../support/nocodb-server.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import { api, apiSignIn, openTokensTab, screenshot, signInThroughUi } from './steps.ts';

describe('server outage against a real NocoDB', () => {
  let server: NocodbServer;
  let app: LaunchedApp;
  beforeAll(async () => {
    server = await startNocodb();
  });
  afterAll(async () => {
    await app?.close();
    await shutdownHarness();
    await server?.dispose();
  });

  it('7. server stopped → clear "server unreachable" state with Retry; started again → Retry works; the typed name is kept', async () => {
    const admin = { url: server.url, email: server.adminEmail, password: server.adminPassword };
    const jwt = await apiSignIn(admin);
    for (let i = 1; i <= 11; i += 1) {
      expect((await api(server.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: `outage-${i}` } })).status).toBe(200);
    }
    app = await launchApp({ serverUrl: server.url });
    const { page } = app;
    await signInThroughUi(page, admin);
    await openTokensTab(page);
    await page.getByTestId('nc-token-row').first().waitFor();

    await page.getByTestId('nc-token-create').click();
    const input = page.locator('.nc-token-generate').getByTestId('nc-token-input');
    await input.fill('typed before the outage');

    await server.stop();
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Page 2' }).click();
    const failure = page.getByRole('alert').filter({ hasText: /Cannot reach/ });
    await failure.waitFor();
    expect(await failure.textContent()).not.toMatch(/Error:|\n\s+at |ECONNREFUSED|fetch failed/);
    expect(await input.inputValue()).toBe('typed before the outage');
    await screenshot(page, '07-server-unreachable');

    await server.start();
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: /Cannot reach/ })
          .count(),
      )
      .toBe(0);
    await page.getByTestId('nc-token-row').first().waitFor();
    expect(await input.inputValue()).toBe('typed before the outage');

    await page.getByTestId('nc-token-save-btn').click();
    await page.getByTestId('nc-token-row').filter({ hasText: 'typed before the outage' }).waitFor();
  });
});
