// The anchor of every run (issue 26): NocoDB's own web UI, served by the bench's NocoDB 0.301.3 and
// opened fresh in the same Chromium (a new context: no cache, the signed-in user's storage), timed
// from navigation start to its first token row painted — next to the app's navigation → first row
// and the app's whole launch (a new main: services built, accounts restored, window loaded) → first
// row, alternating in one part. With BENCH_AB_REF=<git ref> the launch of that ref's code (extracted
// with `git archive`, its renderer built) alternates with this one's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LaunchedApp, LaunchOptions } from '../../e2e/harness.ts';
import type { NocodbCredentials } from '../../support/nocodb-env.ts';
import { compare, type Probe, type Stats } from '../measure.ts';
import { readMark, WAIT_MS } from '../page-marks.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const TOKENS_ROUTE = '#/account/tokens';
const PROBE = path.join(import.meta.dirname, '../page-probe.js');
const RUNS = { runs: 7, warmup: 1 };
// NocoDB's own rows carry this test id on their action icon (the app's rows keep the same hook).
const NOCODB_ROW = '[data-testid="nc-token-row-action-icon"]';
const NOCODB_PROBE = `(() => {
  const marks = {};
  Object.defineProperty(window, '__benchMarks', { value: marks });
  new MutationObserver((_, observer) => {
    if (!document.querySelector('${NOCODB_ROW}')) return;
    observer.disconnect();
    requestAnimationFrame(() => (marks.firstRow = performance.now()));
  }).observe(document, { childList: true, subtree: true });
})();`;

export interface AnchorFigures {
  /** NocoDB's /dashboard/#/account/tokens opened fresh: navigation start → first token row painted. */
  nocodbFirstRow: Stats;
  /** The app, in the same part: navigation start → first token row (session restored, Tokens tab). */
  appFirstRow: Stats;
  /** The app's whole launch: main starts (services built, restoring) → first token row painted. */
  appLaunchFirstRow: Stats;
  /** Where a whole launch's time goes: ms after main's start of each step, median of the profiled launches. */
  timeline: Array<{ step: string; ms: number }>;
  /** The same for the checkout of `abRef`, alternating with this one. */
  abLaunchFirstRow?: Stats;
  abRef?: string;
}

type LaunchApp = (options: LaunchOptions) => Promise<LaunchedApp>;

/** NocoDB shows its onboarding to a new user; the anchor times the tokens page a user knows. */
async function finishOnboarding(user: NocodbCredentials): Promise<void> {
  const signIn = await fetch(`${user.url}/api/v1/auth/user/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const patched = await fetch(`${user.url}/api/v1/user/profile`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'xc-auth': token },
    body: JSON.stringify({ is_new_user: false }),
  });
  if (!patched.ok) throw new Error(`Finishing NocoDB's onboarding answered HTTP ${patched.status}.`);
}

/** Signs in to NocoDB's own UI once and keeps what its page stores (the JWT in local storage, cookies). */
async function nocodbStorage(browser: Browser, user: NocodbCredentials) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${user.url}/dashboard/#/signin`);
    await page.locator('input[type="email"]').first().fill(user.email);
    await page.locator('input[type="password"]').first().fill(user.password);
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL((url) => !url.hash.includes('signin'), { timeout: WAIT_MS });
    await page.goto(`${user.url}/dashboard/${TOKENS_ROUTE}`);
    await page.locator(NOCODB_ROW).first().waitFor({ timeout: WAIT_MS });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** ms from a new main's start to its first token row painted (the page's clock mapped onto this process's). */
async function wholeLaunch(app: LaunchedApp): Promise<number> {
  // The previous launch's window closes first: closing it is no part of the next launch.
  await app.page.close();
  const started = performance.timeOrigin + performance.now();
  await app.restart();
  const row = await readMark(app.page, 'firstRow');
  const origin = await app.page.evaluate(() => performance.timeOrigin);
  return origin + row - started;
}

/** Steps of a launch as main and its server calls see them, on this process's clock (epoch ms). */
type Steps = Array<{ step: string; at: number }>;
const nowEpoch = () => performance.timeOrigin + performance.now();

/** main's fetch and IPC answers, noted as steps (paths only: no token, no query). */
function noting(steps: Steps): Pick<LaunchOptions, 'fetch' | 'onAnswered'> {
  return {
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const name = url.pathname.replace(/^\/api\/v[0-9]+\//, '');
      steps.push({ step: `main → server: ${name} sent`, at: nowEpoch() });
      try {
        return await fetch(input, init);
      } finally {
        steps.push({ step: `main ← server: ${name} answered`, at: nowEpoch() });
      }
    },
    onAnswered: (channel) => steps.push({ step: `main answered ${channel}`, at: nowEpoch() }),
  };
}

/** One profiled launch: each step's first time, in ms after main's start. */
async function profiledLaunch(app: LaunchedApp, steps: Steps): Promise<Map<string, number>> {
  await app.page.close();
  steps.length = 0;
  const started = nowEpoch();
  await app.restart();
  const row = await readMark(app.page, 'firstRow');
  const page = await app.page.evaluate(() => {
    const marks = (globalThis as unknown as { __benchMarks: Record<string, number> }).__benchMarks;
    const navigation = performance.getEntriesByType('navigation' as never)[0] as unknown as
      { responseEnd: number; domInteractive: number } | undefined;
    const parsed = navigation?.domInteractive ?? 0;
    // The first screen's scripts: those index.html names (asked for before it was parsed).
    const scripts = (
      performance.getEntriesByType('resource' as never) as unknown as Array<{ name: string; startTime: number; responseEnd: number }>
    )
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime < parsed)
      .reduce((last, entry) => Math.max(last, entry.responseEnd), 0);
    return {
      origin: performance.timeOrigin,
      html: navigation?.responseEnd ?? 0,
      parsed,
      scripts,
      bootAsked: marks['called:app:boot'] ?? 0,
      bootAnswered: marks['answered:app:boot'] ?? 0,
      rowInDom: marks['rowInDom'] ?? 0,
    };
  });
  const onPage = (step: string, ms: number) => ({ step, at: page.origin + ms });
  const all = [
    ...steps,
    onPage('window: navigation starts', 0),
    onPage('window: index.html received', page.html),
    onPage('window: index.html parsed', page.parsed),
    onPage('window: first screen scripts received', page.scripts),
    onPage('bridge: app:boot sent at document start', page.bootAsked),
    onPage('bridge: boot answer received', page.bootAnswered),
    onPage('renderer: first token row rendered (in the document)', page.rowInDom),
    onPage('renderer: first token row painted', row),
  ];
  const firsts = new Map<string, number>();
  for (const { step, at } of all.sort((a, b) => a.at - b.at)) if (!firsts.has(step)) firsts.set(step, at - started);
  return firsts;
}

/** The median time of each step over several profiled launches, in the order of the medians. */
function medianTimeline(runs: Array<Map<string, number>>): Array<{ step: string; ms: number }> {
  const steps = new Set(runs.flatMap((run) => [...run.keys()]));
  return [...steps]
    .map((step) => {
      const times = runs.flatMap((run) => (run.has(step) ? [run.get(step)!] : [])).sort((a, b) => a - b);
      return { step, ms: times[Math.floor(times.length / 2)]! };
    })
    .sort((a, b) => a.ms - b.ms);
}

const PROFILED_LAUNCHES = 5;

async function signedInApp(launchApp: LaunchApp, user: NocodbCredentials, extra: Partial<LaunchOptions> = {}): Promise<LaunchedApp> {
  const app = await launchApp({ route: TOKENS_ROUTE, secretStore: 'memory', clipboard: 'memory', initScriptPath: PROBE, ...extra });
  const form = app.page.getByTestId('nc-form-signin');
  await form.getByLabel('Server URL').fill(user.url);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByLabel('Password').press('Enter');
  await app.page.getByTestId('nc-token-row').first().waitFor({ timeout: WAIT_MS });
  return app;
}

/** The code of `ref` in a folder of its own (git archive), sharing node_modules, its renderer built. */
function checkoutOf(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: REPO, encoding: 'utf8' }).trim();
  const dir = path.join(tmpdir(), `nocodb-am-bench-${commit}`);
  if (!existsSync(path.join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: REPO });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  }
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'renderer', '--logLevel', 'error'], {
    cwd: dir,
  });
  return dir;
}

export async function measureAnchor(
  user: NocodbCredentials,
  launchApp: LaunchApp,
  abRef = process.env['BENCH_AB_REF'],
): Promise<AnchorFigures> {
  await finishOnboarding(user);
  const steps: Steps = [];
  const app = await signedInApp(launchApp, user, noting(steps));
  const other = abRef ? await import(path.join(checkoutOf(abRef), 'test/e2e/harness.ts')) : null;
  const abApp: LaunchedApp | null = other ? await signedInApp(other.launchApp as LaunchApp, user) : null;
  try {
    const browser = app.page.context().browser();
    if (!browser) throw new Error('The app page has no browser.');
    const storageState = await nocodbStorage(browser, user);
    const nocodbOnce = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
      try {
        const page: Page = await context.newPage();
        await page.addInitScript({ content: NOCODB_PROBE });
        await page.goto(`${user.url}/dashboard/${TOKENS_ROUTE}`);
        return await readMark(page, 'firstRow');
      } finally {
        await context.close();
      }
    };
    // A new document each time, on the main that is running (as the per-N figure (3)).
    const appOnce = async () => {
      const appUrl = app.page.url().split('#')[0]!;
      await app.page.goto('about:blank');
      await app.page.goto(`${appUrl}${TOKENS_ROUTE}`);
      return readMark(app.page, 'firstRow');
    };
    const probes: Array<Probe<keyof AnchorFigures>> = [
      async () => ({ nocodbFirstRow: await nocodbOnce() }),
      async () => ({ appFirstRow: await appOnce() }),
      async () => ({ appLaunchFirstRow: await wholeLaunch(app) }),
    ];
    if (abApp) probes.push(async () => ({ abLaunchFirstRow: await wholeLaunch(abApp) }));
    const figures = (await compare(probes, RUNS)) as Omit<AnchorFigures, 'abRef' | 'timeline'>;
    const profiled: Array<Map<string, number>> = [];
    for (let run = 0; run < PROFILED_LAUNCHES; run += 1) profiled.push(await profiledLaunch(app, steps));
    return { ...figures, timeline: medianTimeline(profiled), ...(abRef ? { abRef } : {}) };
  } finally {
    await app.close();
    await abApp?.close();
    await other?.shutdownHarness();
  }
}
