// Every screen of the app through axe-core, in the light and the dark theme, behind a fake NocoDB
// (the server does not change what axe sees, and the fake can fail on demand for the error state).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.ts';
import { useFakeServerApp } from './fake-server-app.ts';
import { api, apiSignIn, openTokensTab, signInThroughUi } from './steps.ts';

const current = useFakeServerApp();
const signIn = () => signInThroughUi(current.app.page, { url: current.server.url, ...current.server.admin });

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

    await row.getByTestId('nc-token-row-action-icon').click();
    await page.getByRole('alertdialog').waitFor();
    await expectNoAxeViolations(page, 'delete dialog');
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
