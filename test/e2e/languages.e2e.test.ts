// The app in the user's language, for real: chosen in Profile (German: tabs, dialogs, toasts,
// <html lang>, kept across a restart), right to left in Arabic (sidebar on the right, All tokens too, axe clean
// in both themes), the system's language at first launch (pt-BR), and German and Russian at
// 1024 × 700 without clipped buttons or overflowing headers (screenshots in test-results).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeNocodb, type FakeNocodb } from '../support/fake-nocodb.ts';
import { expectNoAxeViolations } from './axe.ts';
import { launchApp, shutdownHarness, type LaunchedApp } from './harness.ts';
import { screenshot, signInThroughUi } from './steps.ts';

let server: FakeNocodb | null = null;
let app: LaunchedApp | null = null;

async function start(options: { systemLanguages?: string[]; signIn?: boolean } = {}) {
  server = await startFakeNocodb();
  app = await launchApp({ serverUrl: server.url, secretStore: 'memory', clipboard: 'memory', systemLanguages: options.systemLanguages });
  if (options.signIn !== false) await signInThroughUi(app.page, { url: server.url, ...server.admin });
  return { page: app.page, server, app };
}

afterEach(async () => {
  await app?.close();
  await server?.close();
  app = null;
  server = null;
});
afterAll(() => shutdownHarness());

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

/** Buttons, tab links and column headers whose words do not fit their box (clipped or spilling over). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const boxes = document.querySelectorAll('button, a.account-nav-item, .token-table th, .badge, .token-badge, .menu-item');
    return [...boxes]
      .filter((box) => box.getClientRects().length > 0)
      .filter((box) => box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1)
      .map((box) => box.textContent ?? '');
  });
}

describe('languages', () => {
  it('Deutsch chosen in Profile: tabs, dialogs and toasts in German, lang="de", still German after a restart', async () => {
    const { page } = await start();
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

    await app!.restart();
    await page.context().pages()[0]!.waitForLoadState();
    const again = app!.page;
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
});
