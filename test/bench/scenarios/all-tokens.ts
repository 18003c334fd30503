// All tokens with 20 accounts × 1,000 tokens (20,000 rows) on fake NocoDB servers on 127.0.0.1
// (test/support/fake-nocodb.ts, seeded directly), in the built renderer through the e2e harness:
// first row after the first page arrives, one search character → filtered rows, the heap with every
// row loaded, and the whole load next to the same page requests sent from plain Node.
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { LARGEST_PAGE } from '../../../main/tokens/token-pages.ts';
import { startFakeNocodb, type FakeNocodb } from '../../support/fake-nocodb.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { compare, inParallel, summarize, timed, type Stats } from '../measure.ts';
import { cpuSince, processCpu } from '../process-cpu.ts';
import { rawAccount } from '../nocodb-account.ts';
import { readMark, WAIT_MS } from '../page-marks.ts';
import { appWith, heapUsed } from './accounts.ts';

const SERVERS = 4;
const ACCOUNTS_PER_SERVER = 5;
const TOKENS_PER_ACCOUNT = 1000;
const ROWS = SERVERS * ACCOUNTS_PER_SERVER * TOKENS_PER_ACCOUNT;
/** The view's bound on requests in flight over every account (MAX_IN_FLIGHT in the renderer's store). */
const IN_FLIGHT = 4;
const ROUTE = '#/all-tokens';
/** The count line starts so while any account is still loading (the harness's app speaks en-US). */
const LOADING = 'Loading tokens';
/** Loading 20,000 rows on a loaded 2-core machine can take longer than one ordinary bench step. */
const LOAD_WAIT_MS = 120_000;
const LOAD = { runs: 5, warmup: 1 };
const SEARCH = { runs: 20, warmup: 3 };
/**
 * Token names cycle through these words; the keys typed are letters no email (`userN@acme.test`)
 * or host (`127.0.0.1:port`) holds, so each one narrows the 20,000 rows to a fifth or two fifths.
 */
const WORDS = ['zapier', 'kiosk', 'grafana', 'daily-sync', 'ci-deploy'];
const KEYS = ['z', 'k', 'g', 'y', 'o'];

export interface AllTokensFigures {
  rows: number;
  accounts: number;
  servers: number;
  /** ms from the first page's arrival in the page to the first row painted. */
  firstRow: Stats;
  /** ms from the key going down in the search box (all rows shown) to the filtered rows painted. */
  search: Stats;
  /** Renderer JS heap after a full GC with every row loaded, in bytes. */
  heapBytes: Stats;
  /** ms from the view's first page request to every row painted and the last page answered. */
  appLoad: Stats;
  /** ms for the same page requests from plain Node, at the same concurrency. */
  rawLoad: Stats;
  /** Per page of a load: ms main took to answer (the server's answer included), and ms the page waited for it. */
  mainPerPage: Stats;
  pageWaitPerPage: Stats;
  /**
   * CPU ms per load (Linux, from /proc; absent elsewhere): the bench's one process (main's handlers,
   * the fake servers and Playwright's binding, which stands in for Electron's IPC) for the app's load
   * and for the script's, and Chromium's browser process (it relays each answer) and the page's
   * renderer for the app's. On 2 cores the load cannot take less than about half their sum.
   */
  cpu?: { bench: Stats; browser: Stats; renderer: Stats; rawBench: Stats };
  /** List requests the servers received for one load, by the app and by the script. */
  appRequests: number;
  rawRequests: number;
  /** 1-minute load average at the end of the measurement. */
  loadAverage: number;
}

function seed(servers: FakeNocodb[]): NocodbCredentials[] {
  return servers.flatMap((server, s) =>
    Array.from({ length: ACCOUNTS_PER_SERVER }, (_, a) => {
      const user = { url: server.url, email: `user${s * ACCOUNTS_PER_SERVER + a}@acme.test`, password: 'bench-password' };
      server.addUser(user);
      for (let n = 1; n <= TOKENS_PER_ACCOUNT; n += 1) server.addToken(user.email, { description: `${WORDS[n % WORDS.length]}-${n}` });
      return user;
    }),
  );
}

/** A fresh document on All tokens (a new store, as at launch); times read on the page's clock. */
async function openAllTokens(page: Page, appUrl: string, mainTimes: number[]) {
  mainTimes.length = 0;
  await page.goto('about:blank');
  await page.goto(`${appUrl}${ROUTE}`);
  // From the first page request on (the page's start-up is another figure's).
  await readMark(page, 'called:tokens:scan');
  const cpuBefore = processCpu();
  const everyRowAt = await readMark(page, `rows:${ROWS + 1}`, LOAD_WAIT_MS);
  // Pages that add no rows (each account's last, short one) may still be on their way.
  await page.getByTestId('nc-all-tokens-count').filter({ hasNotText: LOADING }).waitFor({ timeout: WAIT_MS });
  const doneAt = Math.max(everyRowAt, await readMark(page, 'last:tokens:scan'));
  const cpu = cpuBefore && cpuSince(cpuBefore);
  return {
    ...(cpu && { cpuBench: cpu.bench, cpuBrowser: cpu.browser, cpuRenderer: cpu.renderer }),
    firstRow: (await readMark(page, 'firstAllTokensRow')) - (await readMark(page, 'answered:tokens:scan')),
    appLoad: doneAt - (await readMark(page, 'called:tokens:scan')),
    heapBytes: await heapUsed(page),
    mainPerPage: summarize(mainTimes).median,
    pageWaitPerPage: summarize(
      await page.evaluate(() => (globalThis as unknown as { __benchWaits: Record<string, number[]> }).__benchWaits['tokens:scan']!),
    ).median,
  };
}

/** From the full list, one key typed in the search box; ms until the filtered rows are painted. */
async function typeOne(page: Page, key: string): Promise<number> {
  const search = page.getByTestId('nc-all-tokens-search');
  await search.fill('');
  await page.locator(`.all-tokens-table[aria-rowcount="${ROWS + 1}"]`).waitFor({ timeout: WAIT_MS });
  await page.evaluate(() => {
    const marks = (globalThis as unknown as { __benchMarks: Record<string, unknown> }).__benchMarks;
    delete marks['typed'];
    delete marks['searched'];
  });
  await search.press(key);
  return (await readMark(page, 'searched')) - (await readMark(page, 'typed'));
}

export async function measureAllTokens(): Promise<AllTokensFigures> {
  const servers = await Promise.all(Array.from({ length: SERVERS }, () => startFakeNocodb()));
  try {
    const users = seed(servers);
    const raws = await Promise.all(users.map(rawAccount));
    const listCalls = () => servers.reduce((sum, server) => sum + server.calls['tokens.list'], 0);
    const mainTimes: number[] = [];
    const app = await appWith(users, { onAnswered: (channel, ms) => channel === 'tokens:scan' && mainTimes.push(ms) });
    try {
      const { page } = app;
      const appUrl = page.url().split('#')[0]!;
      let appRequests = 0;
      let rawRequests = 0;
      const loads = await compare(
        [
          async () => {
            const before = listCalls();
            const figures = await openAllTokens(page, appUrl, mainTimes);
            appRequests = listCalls() - before;
            return figures;
          },
          async () => {
            const before = listCalls();
            const cpuBefore = processCpu();
            const rawLoad = await timed(() =>
              inParallel(
                raws.map((raw) => () => raw.countTokens(LARGEST_PAGE)),
                IN_FLIGHT,
              ),
            );
            const cpu = cpuBefore && cpuSince(cpuBefore);
            rawRequests = listCalls() - before;
            return { rawLoad, ...(cpu && { cpuRawBench: cpu.bench }) };
          },
        ],
        LOAD,
      );
      const { cpuBench, cpuBrowser, cpuRenderer, cpuRawBench, ...times } = loads;
      const cpu =
        cpuBench && cpuBrowser && cpuRenderer && cpuRawBench
          ? { bench: cpuBench, browser: cpuBrowser, renderer: cpuRenderer, rawBench: cpuRawBench }
          : undefined;
      let typed = 0;
      const searches = await compare([async () => ({ search: await typeOne(page, KEYS[typed++ % KEYS.length]!) })], SEARCH);
      return {
        rows: ROWS,
        accounts: users.length,
        servers: SERVERS,
        ...times,
        ...(cpu && { cpu }),
        ...searches,
        appRequests,
        rawRequests,
        loadAverage: loadavg()[0]!,
      };
    } finally {
      await app.close();
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}
