// The screens the README shows, as a new user meets them at 1280 × 800 (the harness's window), in
// English, German and Arabic: no cell of the Tokens tab or All tokens is cut — its text fits its box
// or wraps; an account's email and server, too long for their column, show whole on hover and on
// focus — and the "Token created" notice never covers the Use-it panel it opens with.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fetchResolvingTestNames, lanUrlFor } from '../support/resolving-fetch.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import { screenshot, signInAccounts } from './steps.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offset: number | null) => (offset === null ? null : new Date(Date.now() + offset).toISOString());

const started = closedAfterEachTest();

/** A small company's server with tokens in every state, the longest words of each language on screen. */
async function start(language: string) {
  const server = await started.server({ generation: '2026', admin: { email: 'ada.lovelace@acme.example', password: 'layout-password' } });
  const grace = server.addUser({ email: 'grace.hopper@acme.example', password: 'layout-password' });
  const tokens: Array<[string, string, number | null, number | null, boolean?]> = [
    [server.admin.email, 'Old CSV import', -190 * DAY, -20 * DAY],
    [server.admin.email, 'Grafana dashboard', null, null],
    [server.admin.email, 'Nightly backup script', -9 * HOUR, 5 * DAY],
    [server.admin.email, 'Zapier: new leads → CRM', -3 * DAY, 180 * DAY],
    [server.admin.email, 'Staging seed job', -45 * DAY, 300 * DAY, false],
    [grace.email, 'Metabase reports', -DAY, null],
    [grace.email, 'Jupyter notebook', -120 * DAY, 12 * DAY],
  ];
  for (const [email, description, lastUsed, expiry, enabled] of tokens) {
    server.addToken(email, { description, lastUsedAt: at(lastUsed), expiry: at(expiry), enabled: enabled ?? true });
  }
  const url = lanUrlFor(server.url, 'nocodb.acme.example.test');
  const app = await started.app({
    secretStore: 'memory',
    clipboard: 'memory',
    fetch: fetchResolvingTestNames,
    systemLanguages: [language],
  });
  // Grace first, then Ada: Ada, a super admin, is active and sees everyone's tokens.
  await signInAccounts(app.page, [
    { url, email: grace.email, password: grace.password },
    { url, ...server.admin },
  ]);
  return app.page;
}

interface Box {
  className: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  firstChild: unknown;
  querySelectorAll(selector: string): Iterable<Box>;
  closest(selector: string): Box | null;
  getClientRects(): { length: number };
}
interface PageGlobals {
  getComputedStyle(box: Box): { overflowX: string; overflowY: string; contain: string };
  document: {
    querySelectorAll(selector: string): Iterable<Box>;
    createRange(): {
      setStart(node: unknown, offset: number): void;
      setEnd(node: unknown, offset: number): void;
      getBoundingClientRect(): { width: number };
    };
  };
}

/**
 * What is cut in the rows under `rows`: every cell and every box in it whose text spills out of it
 * (wider or taller than shown), as "class: text". The actions are icons; a masked token value only
 * has to show its prefix, the rest is dots.
 */
function cutCells(page: Page, rows: string): Promise<string[]> {
  return page.evaluate((rowSelector) => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    const cut: string[] = [];
    for (const cell of document.querySelectorAll(`${rowSelector} td`)) {
      if (cell.className.includes('token-actions') || cell.className.includes('cell-select')) continue;
      for (const box of [cell, ...cell.querySelectorAll('*')]) {
        if (box.getClientRects().length === 0 || box.closest('.token-value')) continue;
        // A box that lets its text spill out visibly (a value shown whole on hover or focus) cuts nothing.
        const style = getComputedStyle(box);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || /paint|strict|content/.test(style.contain);
        if (clips && (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1)) {
          cut.push(`${box.className}: ${box.textContent}`);
        }
      }
    }
    for (const mask of document.querySelectorAll(`${rowSelector} .token-mask-prefix`)) {
      const prefix = (mask.textContent ?? '').split('•')[0] ?? '';
      const range = document.createRange();
      range.setStart(mask.firstChild, 0);
      range.setEnd(mask.firstChild, prefix.length);
      // Cut after its prefix, the mask's ellipsis (about 12 px) must still leave the whole prefix in view.
      const room = mask.scrollWidth > mask.clientWidth + 1 ? mask.clientWidth - 12 : mask.clientWidth + 1;
      if (range.getBoundingClientRect().width > room) cut.push(`token prefix: ${prefix}`);
    }
    return cut;
  }, rows);
}

/** Notices whose box overlaps the Use-it panel's. */
async function noticesOverPanel(page: Page): Promise<string[]> {
  const panel = await page.getByTestId('nc-token-usage').boundingBox();
  if (!panel) throw new Error('The Use-it panel is not on screen.');
  const over: string[] = [];
  for (const toast of await page.locator('.toast').all()) {
    const box = await toast.boundingBox();
    if (!box) continue;
    const apart =
      box.x >= panel.x + panel.width || panel.x >= box.x + box.width || box.y >= panel.y + panel.height || panel.y >= box.y + box.height;
    if (!apart) over.push((await toast.textContent()) ?? '');
  }
  return over;
}

describe('the Tokens tab and All tokens at 1280 × 800', () => {
  for (const language of ['en', 'de', 'ar']) {
    it(`${language}: no cell is cut, and the Token created notice keeps clear of the Use-it panel`, async () => {
      const page = await start(language);
      expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });

      await page.evaluate(() => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = '#/account/tokens';
      });
      const tokenRows = page.getByTestId('nc-token-row');
      await expect.poll(() => tokenRows.count()).toBe(7);
      expect(await cutCells(page, '[data-testid="nc-token-row"]')).toEqual([]);

      await page.getByTestId('nc-token-create').click();
      await page.getByTestId('nc-token-input').fill('Metabase production reports');
      await page.getByTestId('nc-token-input').press('Enter');
      await page.getByTestId('nc-token-usage').waitFor();
      await page.locator('.toast').first().waitFor();
      await page.waitForTimeout(300); // the notice's slide-in
      await screenshot(page, `layout-1280-tokens-${language}`);
      expect(await noticesOverPanel(page)).toEqual([]);
      expect(await cutCells(page, '[data-testid="nc-token-row"]')).toEqual([]);

      await page.evaluate(() => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = '#/all-tokens';
      });
      const rows = page.getByTestId('nc-all-tokens-row');
      await expect.poll(() => rows.count()).toBe(10);
      await page.mouse.move(0, 0);
      await screenshot(page, `layout-1280-all-tokens-${language}`);
      // At rest, every cell fits or wraps: the account's email beside its avatar, and under them
      // its server whole — host and port, which often is what tells two servers apart.
      expect(await cutCells(page, '[data-testid="nc-all-tokens-row"]')).toEqual([]);
      for (let index = 0; index < 10; index += 1) {
        await rows.nth(index).locator('.cell-select input').focus();
        expect(await cutCells(page, '[data-testid="nc-all-tokens-row"]:focus-within')).toEqual([]);
      }
      await page.locator('body').focus();
      await rows.first().locator('.cell-account').hover();
      expect(await cutCells(page, '[data-testid="nc-all-tokens-row"]:has(.cell-account:hover)')).toEqual([]);
    });
  }
});
