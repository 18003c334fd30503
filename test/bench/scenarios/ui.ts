// The built renderer in Chromium, driven through the e2e harness (real bridge, router, handlers):
// how long a restored session takes to show the first token row, how long Save takes to show the
// new row, and how much JS heap the page holds.
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from '../../e2e/harness.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { readMark, WAIT_MS } from '../page-marks.ts';

const TOKENS_ROUTE = '#/account/tokens';
const PROBE = path.join(import.meta.dirname, '../page-probe.js');

export interface UiSession {
  /**
   * ms from navigation start (session restored, Tokens tab as start route) to the first row
   * painted, and to the page receiving main's boot answer (which carries the first page).
   */
  firstRowAfterNavigation(): Promise<{ uiFirstRow: number; uiListAnswered: number }>;
  /** ms from the click on Save to the new row painted, and to the page receiving the new token from main. */
  saveToRow(name: string): Promise<{ uiSaveToRow: number; uiCreateAnswered: number }>;
  /** JS heap in use after a full garbage collection, in bytes. */
  heapUsed(): Promise<number>;
  chromiumVersion(): string;
  close(): Promise<void>;
}

/**
 * Closes the notices of earlier runs, as a user would: each Save starts from a page without toasts.
 * Left open, ten stacked "Token created" toasts added about 5 ms of rendering to the next Save.
 */
async function closeToasts(page: Page): Promise<void> {
  const open = page.locator('.toast[data-state="open"]');
  for (let left = await open.count(); left > 0; left -= 1) {
    await open.first().getByRole('button', { name: 'Close' }).click();
  }
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: WAIT_MS });
}

/** Launches the app on the Tokens tab and signs in once; later navigations restore the session. */
export async function signedInUi(user: NocodbCredentials): Promise<UiSession> {
  // Memory clipboard and secret store: the bench needs neither an X display nor a keychain. The probe
  // runs before the bridge, which sends its boot request at document start.
  const app: LaunchedApp = await launchApp({ route: TOKENS_ROUTE, secretStore: 'memory', clipboard: 'memory', initScriptPath: PROBE });
  try {
    const { page } = app;
    const appUrl = page.url().split('#')[0]!;
    const form = page.getByTestId('nc-form-signin');
    await form.getByLabel('Server URL').fill(user.url);
    await form.getByLabel('Email').fill(user.email);
    await form.getByLabel('Password').fill(user.password);
    await form.getByLabel('Password').press('Enter');
    await page.getByTestId('nc-token-list').first().waitFor({ timeout: WAIT_MS });
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const table = page.locator('.token-table[aria-busy="false"]');

    return {
      async firstRowAfterNavigation() {
        // A new document each time (a goto to the same URL with a hash would stay in the page).
        await page.goto('about:blank');
        await page.goto(`${appUrl}${TOKENS_ROUTE}`);
        return { uiFirstRow: await readMark(page, 'firstRow'), uiListAnswered: await readMark(page, 'answered:app:boot') };
      },
      async saveToRow(name) {
        await table.waitFor({ timeout: WAIT_MS });
        await closeToasts(page);
        await page.getByTestId('nc-token-create').click();
        await page.locator('.nc-token-generate').getByTestId('nc-token-input').fill(name);
        await page.evaluate((expected) => {
          const marks = (globalThis as unknown as { __benchMarks: Record<string, unknown> }).__benchMarks;
          delete marks['save'];
          delete marks['savedRow'];
          delete marks['answered:tokens:create'];
          marks['expectedName'] = expected;
        }, name);
        await page.getByTestId('nc-token-save-btn').click();
        const savedAt = await readMark(page, 'savedRow');
        const clickedAt = await readMark(page, 'save');
        const answeredAt = await readMark(page, 'answered:tokens:create');
        // The list reload after a create must finish before the next run opens the create row again.
        await table.waitFor({ timeout: WAIT_MS });
        return { uiSaveToRow: savedAt - clickedAt, uiCreateAnswered: answeredAt - clickedAt };
      },
      async heapUsed() {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize;
      },
      chromiumVersion: () => page.context().browser()?.version() ?? 'unknown',
      close: () => app.close(),
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
