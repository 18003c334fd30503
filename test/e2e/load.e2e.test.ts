// Hardening under load: 1,000 tokens on a real NocoDB, then 50 quick create/delete cycles through
// the UI. After every step the table must match the server: no duplicate, no ghost row.
import { afterAll, describe, expect, it } from 'vitest';
import { realNocodb, signUpUser } from '../support/nocodb-env.ts';
import { launchApp, shutdownHarness } from './harness.ts';
import { api, apiSignIn, openTokensTab, signInThroughUi } from './steps.ts';

const SEEDED = 1_000;
const CYCLES = 50;
const IN_FLIGHT = 8;

describe('load against a real NocoDB', () => {
  afterAll(() => shutdownHarness());

  it(
    `${SEEDED} tokens, then ${CYCLES} create/delete cycles through the UI, the table matching the server after each step`,
    { timeout: 120_000 },
    async () => {
      const user = await signUpUser(realNocodb().url);
      const jwt = await apiSignIn(user);
      let next = 0;
      const seedOne = async (): Promise<void> => {
        const index = next++;
        if (index >= SEEDED) return;
        const { status } = await api(user.url, '/api/v1/tokens', {
          method: 'POST',
          jwt,
          body: { description: `load-${String(index).padStart(4, '0')}` },
        });
        expect(status).toBe(200);
        return seedOne();
      };
      const seedingStarted = performance.now();
      await Promise.all(Array.from({ length: IN_FLIGHT }, seedOne));
      const seedSeconds = (performance.now() - seedingStarted) / 1000;

      const app = await launchApp({ serverUrl: user.url });
      const { page } = app;
      await signInThroughUi(page, user);
      await openTokensTab(page);
      const tableNames = async () =>
        (await page.locator('[data-testid="nc-token-row"] .token-name').allTextContents()).map((t) => t.trim());
      const serverFirstPage = async () => {
        const { body } = await api(user.url, '/api/v1/tokens?limit=10&offset=0', { jwt });
        return (body!['list'] as Array<{ description: string }>).map((row) => row.description);
      };
      await expect.poll(tableNames).toEqual(await serverFirstPage());

      const startedAt = performance.now();
      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        const name = `cycle-${cycle}`;
        await page.getByTestId('nc-token-create').click();
        await page.getByTestId('nc-token-input').fill(name);
        await page.getByTestId('nc-token-input').press('Enter');
        const row = page.getByTestId('nc-token-row').filter({ hasText: name });
        await row.waitFor();
        // The new token (last on the server) is pinned above the current page, once.
        await expect.poll(tableNames).toEqual([name, ...(await serverFirstPage())]);

        await row.getByTestId('nc-token-row-action-icon').click();
        await page.getByTestId('nc-delete-modal-delete-btn').click();
        await row.waitFor({ state: 'detached' });
        await expect.poll(tableNames).toEqual(await serverFirstPage());
        const names = await tableNames();
        expect(new Set(names).size).toBe(names.length);
      }
      const seconds = (performance.now() - startedAt) / 1000;
      const { body } = await api(user.url, `/api/v1/tokens?limit=1&offset=${SEEDED - 1}`, { jwt });
      expect((body!['list'] as unknown[]).length).toBe(1);
      const { body: beyond } = await api(user.url, `/api/v1/tokens?limit=1&offset=${SEEDED}`, { jwt });
      expect(beyond!['list'] ?? []).toEqual([]);
      console.log(
        `Load: ${SEEDED} tokens seeded in ${seedSeconds.toFixed(1)} s, ${CYCLES} create/delete cycles through the UI in ${seconds.toFixed(1)} s`,
      );
      await app.close();
    },
  );
});
