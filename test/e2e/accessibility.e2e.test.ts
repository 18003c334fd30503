// Every screen of the app through axe-core, in the light and the dark theme, behind a fake NocoDB
// (the server does not change what axe sees, and the fake can fail on demand for the error state).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.ts';
import { setUpFakeServerApp } from './fake-server-app.ts';
import { api, apiSignIn, changePasswordThroughUi, openAccountTab, openTokensTab, signInThroughUi } from './steps.ts';

const current = setUpFakeServerApp();
const signIn = () => signInThroughUi(current.app.page, { url: current.server.url, ...current.server.admin });

describe('the axe check itself', () => {
  it('fails on a planted violation, naming the rule and the element, in each theme', async () => {
    const { page } = current.app;
    await page.getByTestId('nc-form-signin').waitFor();
    await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { querySelector(s: string): { insertAdjacentHTML(p: string, h: string): void } };
      };
      document
        .querySelector('main')!
        .insertAdjacentHTML('beforeend', '<img id="planted" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    });
    const failure = await expectNoAxeViolations(page, 'planted').then(
      () => 'passed',
      (error: Error) => error.message,
    );
    expect(failure).toContain('[light] critical image-alt');
    expect(failure).toContain('[dark] critical image-alt');
    expect(failure).toContain('#planted');
  });
});

describe('axe finds no violation on any screen, light and dark', () => {
  async function seedTokens(count: number) {
    const { server } = current;
    const jwt = await apiSignIn({ url: server.url, ...server.admin });
    for (let i = 1; i <= count; i += 1) {
      await api(server.url, '/api/v1/tokens', { method: 'POST', jwt, body: { description: `seed-${i}` } });
    }
  }

  it('sign-in, empty and with an error', async () => {
    const { app, server } = current;
    const { page } = app;
    await expectNoAxeViolations(page, 'sign-in');
    const form = page.getByTestId('nc-form-signin');
    await form.getByLabel('Email').fill(server.admin.email);
    await form.getByLabel('Password').fill('wrong password');
    await form.getByLabel('Password').press('Enter');
    await form.getByRole('alert').waitFor();
    await expectNoAxeViolations(page, 'sign-in error');
  });

  it('sign-in after the session expired, with its notice', async () => {
    const { app, server } = current;
    await signIn();
    server.expireJwts();
    server.faults.inject({ kind: 'token-expired' }, { route: 'refresh', times: Infinity });
    await app.page.getByRole('link', { name: 'API Tokens' }).first().click();
    await app.page
      .getByRole('status')
      .filter({ hasText: /session/i })
      .waitFor();
    await expectNoAxeViolations(app.page, 'sign-in session expired');
  });

  it('home with the user menu open, and Profile', async () => {
    const { page } = current.app;
    await signIn();
    await expectNoAxeViolations(page, 'home');
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menu').waitFor();
    await expectNoAxeViolations(page, 'user menu');
    await page.getByRole('menuitem', { name: /Account Settings/ }).click();
    await page.getByRole('heading', { name: 'Account Details' }).waitFor();
    await expectNoAxeViolations(page, 'profile');
  });

  it('tokens: empty, create row, revealed token, toast, delete dialog', async () => {
    const { page } = current.app;
    await signIn();
    await openTokensTab(page);
    await page.getByText('No API Tokens created').waitFor();
    await expectNoAxeViolations(page, 'tokens empty');

    await page.getByTestId('nc-token-create').first().click();
    await page.getByTestId('nc-token-input').fill('');
    await page.getByTestId('nc-token-save-btn').click();
    await page.getByText('Token name should not be empty').waitFor();
    await expectNoAxeViolations(page, 'create row with an error');
    await page.getByTestId('nc-token-input').fill('A token with a rather long name for the table');
    await page.getByTestId('nc-token-input').press('Enter');
    const row = page.getByTestId('nc-token-row').first();
    await row.waitFor();

    await row.getByRole('button', { name: 'Show or Hide' }).click();
    await row.locator('.token-secret').waitFor();
    await row.getByTestId('nc-token-row-copy').click();
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'revealed token and toasts');
    // Focus from the keyboard opens the button's tooltip (the click above closed it).
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.locator('.tooltip').filter({ hasText: 'Copy' }).waitFor();
    await expectNoAxeViolations(page, 'tooltip');

    await row.getByTestId('nc-token-row-action-icon').click();
    await page.getByRole('alertdialog').waitFor();
    await expectNoAxeViolations(page, 'delete dialog');
  });

  it('profile name error, password form with its errors, Use it panel and a tested token', async () => {
    const { page } = current.app;
    await signIn();
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menuitem', { name: /Account Settings/ }).click();
    await page.getByTestId('nc-account-settings-rename-input').fill('x'.repeat(256));
    await page.getByText('Name should not be more than 255 characters').waitFor();
    await expectNoAxeViolations(page, 'profile name error');

    await changePasswordThroughUi(page, '', 'short', 'sent');
    await page.getByText('Passwords do not match').or(page.getByText('The new password needs at least 8 characters')).first().waitFor();
    await expectNoAxeViolations(page, 'password form errors');
    await changePasswordThroughUi(page, 'not the password', 'long enough password', 'sent');
    await page.getByTestId('nc-user-settings-form__error').waitFor();
    await expectNoAxeViolations(page, 'password server error');

    await openAccountTab(page, 'API Tokens');
    await page.getByTestId('nc-token-create').first().click();
    await page.getByTestId('nc-token-input').press('Enter');
    await page.getByTestId('nc-token-usage').waitFor();
    const row = page.getByTestId('nc-token-row').first();
    await row.getByTestId('nc-token-row-test').click();
    await row
      .getByRole('status')
      .filter({ hasText: /^Works$/ })
      .waitFor();
    await expectNoAxeViolations(page, 'use it panel and tested token');
  });

  it('tokens: pagination', async () => {
    await seedTokens(25);
    const { page } = current.app;
    await signIn();
    await openTokensTab(page);
    await page.getByRole('navigation', { name: 'Pagination' }).waitFor();
    await expectNoAxeViolations(page, 'pagination');
  });

  it('tokens: the list fails, with Retry', async () => {
    await seedTokens(11);
    const { page } = current.app;
    await signIn();
    await openTokensTab(page);
    current.server.faults.inject({ kind: 'server-error' }, { route: 'tokens.list' });
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).waitFor();
    await expectNoAxeViolations(page, 'list error');
  });
});

describe('prefers-reduced-motion', () => {
  async function animationsOf(page: Page, selectors: string[]) {
    const names: Record<string, string> = {};
    for (const motion of ['no-preference', 'reduce'] as const) {
      await page.emulateMedia({ reducedMotion: motion });
      for (const selector of selectors) {
        names[`${selector} ${motion}`] = await page
          .locator(selector)
          .first()
          .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).animationName);
      }
    }
    await page.emulateMedia({ reducedMotion: null });
    return names;
  }

  it('menus, dialogs and toasts ease in, and just appear when the OS asks for less motion', async () => {
    const { page } = current.app;
    await signIn();
    await page.getByTestId('nc-sidebar-userinfo').click();
    await page.getByRole('menu').waitFor();
    expect(await animationsOf(page, ['.menu'])).toEqual({ '.menu no-preference': 'rise-in', '.menu reduce': 'none' });

    await page.getByRole('menuitem', { name: 'API Tokens' }).click();
    await page.getByTestId('nc-token-create').first().click();
    await page.getByTestId('nc-token-input').press('Enter');
    await page.getByTestId('nc-token-row-action-icon').first().click();
    await page.getByRole('alertdialog').waitFor();
    expect(await animationsOf(page, ['.toast', '.dialog', '.dialog-overlay'])).toEqual({
      '.toast no-preference': 'slide-in',
      '.dialog no-preference': 'fade-in',
      '.dialog-overlay no-preference': 'fade-in',
      '.toast reduce': 'none',
      '.dialog reduce': 'none',
      '.dialog-overlay reduce': 'none',
    });
  });
});

describe('visible focus', () => {
  /** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
  function contrast(a: string, b: string): number {
    const luminance = (rgb: string) => {
      const [r, g, bl] = rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((c) => {
          const s = Number(c) / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  /** The outermost ring colour of the focused element against the page, in both themes. */
  async function ringContrasts(page: Page): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      const [shadow, background] = await page.locator(':focus').evaluate((el) => {
        const view = el.ownerDocument.defaultView!;
        return [view.getComputedStyle(el).boxShadow, view.getComputedStyle(el.ownerDocument.body).backgroundColor];
      });
      // Opaque colours only: a soft drop shadow (black at 8 %) is not a focus ring.
      const opaque = (shadow.match(/rgba?\([^)]*\)/g) ?? []).filter((c: string) => (c.match(/[\d.]+/g) ?? [])[3] === undefined);
      const ring = opaque.find((c: string) => contrast(c, background) > 1.5) ?? 'none';
      found[theme] = ring === 'none' ? 0 : Math.round(contrast(ring, background) * 10) / 10;
    }
    await page.emulateMedia({ colorScheme: null });
    return found;
  }

  it('text fields and toasts show a focus ring of at least 3:1 in both themes', async () => {
    const { page } = current.app;
    await page.getByLabel('Email').focus();
    const field = await ringContrasts(page);
    expect(field.light).toBeGreaterThanOrEqual(3);
    expect(field.dark).toBeGreaterThanOrEqual(3);

    await signIn();
    await openTokensTab(page);
    await page.getByTestId('nc-token-create').first().click();
    await page.getByTestId('nc-token-input').press('Enter');
    await page.locator('.toast').waitFor();
    // F8 moves to the notifications; Tab then reaches the toast itself.
    await page.keyboard.press('F8');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').getAttribute('class')).toContain('toast');
    const toast = await ringContrasts(page);
    expect(toast.light).toBeGreaterThanOrEqual(3);
    expect(toast.dark).toBeGreaterThanOrEqual(3);
  });
});

describe('typeface', () => {
  it('is Inter, loaded from the app itself under its CSP', async () => {
    const { app } = current;
    await signIn();
    const loaded = await app.page.evaluate(async () => {
      const { fonts } = (
        globalThis as unknown as { document: { fonts: Iterable<{ family: string; status: string }> & { ready: Promise<unknown> } } }
      ).document;
      await fonts.ready;
      return [...fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
    });
    expect(loaded).toContain('Inter');
    const fontRequests = app.pageRequests.filter((url) => url.endsWith('.woff2'));
    expect(fontRequests).toHaveLength(1);
    expect(new URL(fontRequests[0]!).origin).toBe(new URL(app.page.url()).origin);
  });
});
