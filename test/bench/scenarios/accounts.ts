// Several accounts in the built renderer (issue 11), through the e2e harness: a switch from the user
// menu to the first row of the new account, a launch that restores 5 accounts against one that
// restores 1, and the renderer heap after the first switch and after 20.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp, type LaunchOptions } from '../../e2e/harness.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { readMark, WAIT_MS } from '../page-marks.ts';
import { compare, summarize, type Stats } from '../measure.ts';
import { rawAccount } from '../nocodb-account.ts';

const TOKENS_ROUTE = '#/account/tokens';
const PROBE = path.join(import.meta.dirname, '../page-probe.js');
const TOKENS_PER_ACCOUNT = 10;
const SWITCHES = 20;
const LAUNCH = { runs: 10, warmup: 2 };

export interface AccountFigures {
  /** ms from the click on another account in the user menu to its first token row painted. */
  switchToFirstRow: Stats;
  /** ms from that click until the page had the new account's list from main: the rest is rendering. */
  switchListAnswered: Stats;
  /** ms from navigation start of a new launch to the first row of the active account. */
  launchFirstRow1: Stats;
  launchFirstRow5: Stats;
  /** Renderer JS heap after a full GC, in bytes. */
  heapAfterFirstSwitch: number;
  heapAfterLastSwitch: number;
  switches: number;
}

/** Every account's tokens carry its own prefix, so the first row tells which account is shown. */
const prefixOf = (index: number) => `acct${index}-`;

async function signInOnForm(page: Page, user: NocodbCredentials) {
  const form = page.getByTestId('nc-form-signin');
  await form.getByLabel('Server URL').fill(user.url);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByLabel('Password').press('Enter');
  await form.waitFor({ state: 'detached', timeout: WAIT_MS });
}

/** An app on the Tokens tab with these accounts signed in (the last one active); the memory secret store unless told. */
export async function appWith(
  users: NocodbCredentials[],
  options: Pick<LaunchOptions, 'onAnswered' | 'secretStore'> = {},
): Promise<LaunchedApp> {
  const app = await launchApp({ route: TOKENS_ROUTE, secretStore: 'memory', clipboard: 'memory', initScriptPath: PROBE, ...options });
  const { page } = app;
  for (const [index, user] of users.entries()) {
    if (index > 0) {
      await page.getByTestId('nc-sidebar-userinfo').click();
      await page.getByTestId('nc-account-add').click();
    }
    await signInOnForm(page, user);
  }
  await page.getByTestId('nc-token-row').first().waitFor({ timeout: WAIT_MS });
  return app;
}

/** Renderer JS heap in use after a full garbage collection, in bytes. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Opens the user menu, clicks the account; ms from the click to its first row painted, and to its list answered. */
async function switchTo(page: Page, user: NocodbCredentials, index: number): Promise<{ toRow: number; toList: number }> {
  await page.getByTestId('nc-sidebar-userinfo').click();
  const item = page.getByTestId('nc-account-switch').filter({ hasText: user.email });
  await item.waitFor({ timeout: WAIT_MS });
  await page.evaluate((expected) => {
    const marks = (globalThis as unknown as { __benchMarks: Record<string, unknown> }).__benchMarks;
    delete marks['switch'];
    delete marks['expectedRow'];
    delete marks['answered:tokens:list'];
    marks['expectedName'] = expected;
  }, prefixOf(index));
  await item.click();
  const paintedAt = await readMark(page, 'expectedRow');
  const clickedAt = await readMark(page, 'switch');
  return { toRow: paintedAt - clickedAt, toList: (await readMark(page, 'answered:tokens:list')) - clickedAt };
}

/** ms from navigation start to the first row, for a fresh launch (new handlers restore the accounts). */
export async function launchToFirstRow(app: LaunchedApp): Promise<number> {
  await app.restart();
  return readMark(app.page, 'firstRow');
}

export async function measureAccounts(users: NocodbCredentials[]): Promise<AccountFigures> {
  for (const [index, user] of users.entries()) {
    const raw = await rawAccount(user);
    for (let n = 1; n <= TOKENS_PER_ACCOUNT; n += 1) await raw.createToken(`${prefixOf(index)}${n}`);
  }
  const one = await appWith(users.slice(0, 1));
  const five = await appWith(users.slice(0, 5));
  try {
    // Between the two most recent accounts, back and forth, as a user comparing two servers would.
    const switchTimes: Array<{ toRow: number; toList: number }> = [];
    let heapAfterFirstSwitch = 0;
    for (let run = 1; run <= SWITCHES; run += 1) {
      const target = run % 2 === 1 ? 3 : 4;
      switchTimes.push(await switchTo(five.page, users[target]!, target));
      if (run === 1) heapAfterFirstSwitch = await heapUsed(five.page);
    }
    const heapAfterLastSwitch = await heapUsed(five.page);

    const launches = await compare(
      [async () => ({ launchFirstRow1: await launchToFirstRow(one) }), async () => ({ launchFirstRow5: await launchToFirstRow(five) })],
      LAUNCH,
    );
    return {
      switchToFirstRow: summarize(switchTimes.map((times) => times.toRow)),
      switchListAnswered: summarize(switchTimes.map((times) => times.toList)),
      ...launches,
      heapAfterFirstSwitch,
      heapAfterLastSwitch,
      switches: SWITCHES,
    };
  } finally {
    await one.close();
    await five.close();
  }
}
