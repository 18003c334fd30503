// The app in the user's language, for real: chosen in Profile (German: tabs, dialogs, toasts,
// <html lang>, kept across a restart), right to left in Arabic (sidebar on the right, All tokens too, axe clean
// in both themes, its Rotate panel too), the system's language at first launch (pt-BR), and German and
// Russian at 1024 × 700 without clipped buttons or overflowing headers; All tokens there in German, Russian
// and Arabic: no word cut but a name made too long, which its row's focus shows whole (screenshots in test-results).
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeGeneration } from '../support/fake-nocodb.ts';
import { expectNoAxeViolations } from './axe.ts';
import { closedAfterEachTest } from './fake-server-app.ts';
import { screenshot, signInThroughUi } from './steps.ts';

const started = closedAfterEachTest();

async function start(options: { systemLanguages?: string[]; signIn?: boolean; generation?: FakeGeneration } = {}) {
  const server = await started.server({ generation: options.generation });
  const app = await started.app({
    serverUrl: server.url,
    secretStore: 'memory',
    clipboard: 'memory',
    systemLanguages: options.systemLanguages,
  });
  if (options.signIn !== false) await signInThroughUi(app.page, { url: server.url, ...server.admin });
  return { page: app.page, server, app };
}

interface PageGlobals {
  document: { documentElement: { lang: string; dir: string }; querySelectorAll(s: string): Iterable<PageElement> };
  innerWidth: number;
}
interface PageElement {
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getClientRects(): { length: number };
}

const htmlLanguage = (page: Page) =>
  page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as PageGlobals).document;
    return { lang: documentElement.lang, dir: documentElement.dir };
  });

/** Account Settings → Profile → the language select, through the user menu (whatever language is on screen). */
async function chooseLanguage(page: Page, language: string) {
  if (!(await page.getByTestId('nc-language-select').isVisible())) {
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem').last().click();
  }
  await page.getByTestId('nc-language-select').selectOption(language);
  await expect.poll(async () => (await htmlLanguage(page)).lang).toBe(language);
}

const DAY = 24 * 3600_000;
const LONG_NAME = 'Zapier → Buchhaltung, Rechnungsexport der Produktion (nächtlich, bitte nicht löschen)';
/** Tokens in every state, so each state's word and each time cell is on screen. */
const TOKENS_TO_LIST: Array<[string, { lastUsedAt: string | null; expiry: string | null }]> = [
  [LONG_NAME, { lastUsedAt: new Date(Date.now() - DAY).toISOString(), expiry: null }],
  ['CI deploy', { lastUsedAt: null, expiry: new Date(Date.now() - DAY).toISOString() }],
  ['n8n', { lastUsedAt: new Date(Date.now() - 200 * DAY).toISOString(), expiry: new Date(Date.now() + 5 * DAY).toISOString() }],
];

/** Boxes that must show all their words: buttons, tab links, headers, badges, and All tokens' cells. */
const WORD_BOXES = [
  'button',
  'a.account-nav-item',
  '.token-table th',
  '.badge',
  '.token-badge',
  '.menu-item',
  '.all-tokens-table th',
  '.all-tokens-table .token-state',
  '[data-testid="nc-all-tokens-count"]',
  // The name and the times sit in a two-line box each (see all-tokens.css).
  '.all-tokens-table .token-name > *',
  '.all-tokens-table .token-last-used > *',
  '.all-tokens-table .token-expires > *',
];

/** The words of every box in `within` that does not fit (clipped, cut short or spilling over). */
async function overflowing(page: Page, within = 'body'): Promise<string[]> {
  const selector = WORD_BOXES.map((box) => `${within} ${box}`).join(', ');
  return page.evaluate((boxesSelector) => {
    const { document } = globalThis as unknown as PageGlobals;
    const boxes = document.querySelectorAll(boxesSelector);
    return [...boxes]
      .filter((box) => box.getClientRects().length > 0)
      .filter((box) => box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1)
      .map((box) => box.textContent ?? '');
  }, selector);
}

interface SearchInput {
  placeholder: string;
  clientWidth: number;
  ownerDocument: {
    createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } };
  };
}
interface InputStyle {
  font: string;
  paddingInlineStart: string;
  paddingInlineEnd: string;
}

/** Whether a text field's placeholder shows whole (a placeholder has no box of its own to measure). */
async function placeholderFits(input: Locator): Promise<boolean> {
  return input.evaluate((element) => {
    const field = element as unknown as SearchInput;
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): InputStyle }).getComputedStyle(field);
    const context = field.ownerDocument.createElement('canvas').getContext('2d');
    context.font = style.font;
    const room = field.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
    return context.measureText(field.placeholder).width <= room;
  });
}

describe('languages', () => {
  it('Deutsch chosen in Profile: tabs, dialogs and toasts in German, lang="de", still German after a restart', async () => {
    const { page, app } = await start();
    await chooseLanguage(page, 'de');
    const panel = page.getByRole('navigation', { name: 'Kontoeinstellungen' });
    await panel.getByRole('link', { name: 'API-Tokens' }).click();
    await page.getByRole('heading', { name: 'API-Tokens', level: 2 }).waitFor();

    await page.getByRole('button', { name: 'Neues API-Token hinzufügen' }).click();
    await page.getByTestId('nc-token-save-btn').click();
    await page.locator('.toast').filter({ hasText: 'Token „Token-1“ erstellt' }).waitFor();
    await page.getByTestId('nc-token-row-action-icon').first().click();
    const dialog = page.getByRole('alertdialog', { name: 'Token löschen' });
    await dialog.getByText('Möchten Sie das folgende Token wirklich löschen?').waitFor();
    await dialog.getByTestId('nc-delete-modal-delete-btn').click();
    await page.locator('.toast').filter({ hasText: 'Token gelöscht' }).first().waitFor();
    expect(await htmlLanguage(page)).toEqual({ lang: 'de', dir: 'ltr' });

    await app.restart();
    await page.context().pages()[0]!.waitForLoadState();
    const again = app.page;
    await again.getByTestId('nc-sidebar-userinfo').waitFor();
    await expect.poll(async () => (await htmlLanguage(again)).lang).toBe('de');
    await again.getByRole('heading', { name: 'Konten' }).waitFor();
  });

  it('العربية: right to left, the sidebar on the right, axe clean in light and dark', async () => {
    const { page } = await start();
    await chooseLanguage(page, 'ar');
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const panel = await page.locator('.account-panel').boundingBox();
    const content = await page.locator('.account-main').boundingBox();
    expect(panel!.x).toBeGreaterThan(content!.x);
    await expectNoAxeViolations(page, 'profile arabic');

    await page.getByRole('navigation', { name: 'إعدادات الحساب' }).getByRole('link', { name: 'رموز API' }).click();
    await page.getByRole('button', { name: 'إضافة رمز API جديد' }).click();
    await page.getByTestId('nc-token-save-btn').click();
    await page.getByTestId('nc-token-row').first().waitFor();
    await expectNoAxeViolations(page, 'tokens arabic');
    await page.getByTestId('nc-token-row-action-icon').first().click();
    await page.getByRole('alertdialog', { name: 'حذف الرمز' }).waitFor();
    await expectNoAxeViolations(page, 'delete dialog arabic');
    await page.keyboard.press('Escape');
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menu').waitFor();
    await expectNoAxeViolations(page, 'user menu arabic');
    await page.keyboard.press('Escape');

    await page.locator('.account-back').click();
    const rail = await page.locator('.rail').boundingBox();
    const viewport = page.viewportSize()!;
    expect(rail!.x).toBeGreaterThan(viewport.width / 2);
    await expectNoAxeViolations(page, 'accounts arabic');

    // All tokens reads right to left too: the checkbox column on the right, the actions on the left.
    await page.locator('.rail').getByTestId('nc-all-tokens').click();
    const row = page.getByTestId('nc-all-tokens-row').first();
    await row.waitFor();
    const select = await row.locator('.cell-select').boundingBox();
    const actions = await row.locator('.token-actions').boundingBox();
    expect(select!.x).toBeGreaterThan(actions!.x);
    await expectNoAxeViolations(page, 'all tokens arabic');
    await row.getByRole('checkbox').check();
    await page.getByTestId('nc-all-tokens-delete-selected').click();
    await page.getByRole('alertdialog', { name: 'حذف الرموز' }).waitFor();
    await expectNoAxeViolations(page, 'all tokens delete dialog arabic');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await row.getByTestId('nc-token-row-rotate').click();
    await page.getByTestId('nc-token-rotate').waitFor();
    await expectNoAxeViolations(page, 'all tokens rotate arabic');
    await page.getByTestId('nc-token-rotate-keep').click();
    await page.getByTestId('nc-token-rotate').waitFor({ state: 'detached' });
  });

  it('a system language of pt-BR with no choice made: Portuguese at first launch', async () => {
    const { page } = await start({ systemLanguages: ['pt-BR', 'en-US'], signIn: false });
    await page.getByRole('heading', { name: 'Entrar no NocoDB' }).waitFor();
    expect(await htmlLanguage(page)).toEqual({ lang: 'pt-BR', dir: 'ltr' });
    await page.getByTestId('nc-form-signin').getByLabel('Senha').waitFor();
  });

  it.each(['de', 'ru'])('%s at 1024 × 700: no clipped button, tab or column header', async (language) => {
    const { page } = await start();
    await page.setViewportSize({ width: 1024, height: 700 });
    await chooseLanguage(page, language);
    await screenshot(page, `lang-${language}-profile-1024`);
    expect(await overflowing(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link').nth(2).click();
    await page.getByTestId('nc-token-list').waitFor();
    await page.getByTestId('nc-token-create').click();
    await page.getByTestId('nc-token-save-btn').click();
    await page.getByTestId('nc-token-usage').waitFor();
    await screenshot(page, `lang-${language}-tokens-1024`);
    expect(await overflowing(page)).toEqual([]);

    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menu').waitFor();
    await screenshot(page, `lang-${language}-menu-1024`);
    expect(await overflowing(page)).toEqual([]);
  });

  it.each(['de', 'ru', 'ar'])(
    '%s at 1024 × 700, All tokens: header, toolbar, count, Delete selected, the bulk delete dialog and the Rotate panel fit',
    async (language) => {
      const { page, server: fake } = await start({ generation: '2026' });
      for (const [name, extra] of TOKENS_TO_LIST) fake.addToken(fake.admin.email, { description: name, ...extra });
      await page.setViewportSize({ width: 1024, height: 700 });
      await chooseLanguage(page, language);
      await page.locator('.account-back').click();
      await page.locator('.rail').getByTestId('nc-all-tokens').click();
      await expect.poll(() => page.getByTestId('nc-all-tokens-row').count()).toBe(TOKENS_TO_LIST.length);
      await screenshot(page, `lang-${language}-all-tokens-1024`);
      // Only the name made to be too long for 1024 px is cut short.
      expect(await overflowing(page)).toEqual([LONG_NAME]);
      expect(await placeholderFits(page.getByTestId('nc-all-tokens-search'))).toBe(true);

      // Focusing its row (or hovering the name) shows all of it, over the rows below.
      const longRow = page.getByTestId('nc-all-tokens-row').filter({ hasText: LONG_NAME });
      expect(await longRow.locator('.token-name').getAttribute('title')).toBe(LONG_NAME);
      await longRow.getByRole('checkbox').focus();
      await screenshot(page, `lang-${language}-all-tokens-focused-name-1024`);
      expect(await overflowing(page)).toEqual([]);
      await page.getByTestId('nc-all-tokens-search').focus();

      for (const row of await page.getByTestId('nc-all-tokens-row').all()) await row.getByRole('checkbox').check();
      await page.getByTestId('nc-all-tokens-delete-selected').click();
      await page.getByTestId('nc-all-tokens-delete-dialog').waitFor();
      await screenshot(page, `lang-${language}-all-tokens-bulk-1024`);
      expect(await overflowing(page, '[data-testid="nc-all-tokens-delete-dialog"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('nc-all-tokens-delete-dialog').waitFor({ state: 'detached' });

      await longRow.getByTestId('nc-token-row-rotate').click();
      await page.getByTestId('nc-token-rotate').waitFor();
      await page.locator('.toast').first().waitFor();
      await screenshot(page, `lang-${language}-all-tokens-rotate-1024`);
      expect(await overflowing(page, '[data-testid="nc-token-rotate"]')).toEqual([]);
      // The Token created notice covers neither of the panel's questions.
      const notice = (await page.locator('.toast').first().boundingBox())!;
      for (const id of ['nc-token-rotate-keep', 'nc-token-rotate-revoke']) {
        const button = (await page.getByTestId(id).boundingBox())!;
        const apart = button.x + button.width <= notice.x || notice.x + notice.width <= button.x || button.y + button.height <= notice.y;
        expect(apart, `${id} under the notice`).toBe(true);
      }
    },
  );
});
