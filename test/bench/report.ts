// Prints the bench's figures as tables: per token count with the targets of issue 7, the bundle,
// several accounts, All tokens, how each figure scales with N, and the change since the last run;
// the launch with the OS keychain when it runs alone.
import type { Stats } from './measure.ts';
import type { BenchResults, FigureName, FiguresAtN } from './results.ts';
import type { AccountFigures } from './scenarios/accounts.ts';
import type { AllTokensFigures } from './scenarios/all-tokens.ts';
import type { KeychainLaunchFigures } from './scenarios/keychain-launch.ts';

const MAIN_OVERHEAD_MS = 2;
/** Navigation → first row may cost this much over the raw list request (issue 26). */
const FIRST_ROW_OVER_RAW_MS = 40;
const SAVE_FACTOR = 1.2;
const JS_GZIP_BYTES = 100 * 1024;
const HEAP_BYTES = 10 * 1024 * 1024;
/** Switch → first row of the new account (issue 26; issue 11 had 100 ms). */
const SWITCH_MS = 50;
const LAUNCH_EXTRA_MS = 50;
const SWITCH_HEAP_FACTOR = 1.2;
const ALL_FIRST_ROW_MS = 150;
const ALL_SEARCH_MS = 16;
const ALL_HEAP_BYTES = 30 * 1024 * 1024;
const ALL_LOAD_FACTOR = 1.5;

const LABELS: Record<FigureName, string> = {
  rawList: '(1) raw GET /api/v1/tokens, limit 25',
  rawListPlusOne: '    raw, limit 26 (what main asks)',
  mainList: '(2) main: IPC router → handlers, page 25',
  uiFirstRow: '(3) UI: navigation → first row painted',
  uiListAnswered: '    of which: until main answered (boot + list)',
  uiSaveToRow: '(3) UI: click Save → new row painted',
  uiCreateAnswered: '    of which: until main answered the create',
  rawCreate: '    raw POST /api/v1/tokens',
  heapBytes: '(5) renderer JS heap (10 rows shown)',
};

const ms = (value: number) => `${value.toFixed(1)} ms`;
const signedMs = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const format = (name: FigureName, value: number) => (name === 'heapBytes' ? mb(value) : ms(value));

/** What each figure is checked against, with the words printed next to it. */
function targetNote(name: FigureName, f: FiguresAtN): string {
  const raw = f.rawList.median;
  switch (name) {
    case 'mainList': {
      const overhead = f.mainList.median - raw;
      return `${signedMs(overhead)} (×${(f.mainList.median / raw).toFixed(2)})  ${verdict(overhead <= MAIN_OVERHEAD_MS)} ≤ +${MAIN_OVERHEAD_MS} ms`;
    }
    case 'uiFirstRow': {
      const over = f.uiFirstRow.median - raw;
      return `${signedMs(over)} over (1)  ${verdict(over <= FIRST_ROW_OVER_RAW_MS)} ≤ (1) + ${FIRST_ROW_OVER_RAW_MS} ms`;
    }
    case 'uiSaveToRow': {
      const limit = SAVE_FACTOR * (f.rawCreate.median + raw);
      return `×${(f.uiSaveToRow.median / raw).toFixed(1)} of (1)  ${verdict(f.uiSaveToRow.median <= limit)} ≤ ${SAVE_FACTOR} × (create + list) = ${ms(limit)}`;
    }
    case 'heapBytes':
      return `${verdict(f.heapBytes.median <= HEAP_BYTES)} ≤ ${mb(HEAP_BYTES)}`;
    default:
      return '';
  }
}

const row = (cells: string[], widths: number[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
const WIDTHS = [42, 10, 10, 10, 4];

function statCells(name: FigureName, stats: Stats): string[] {
  return [format(name, stats.median), format(name, stats.min), format(name, stats.max), String(stats.runs)];
}

export function printResults(results: BenchResults, previous: BenchResults | null): void {
  const counts = Object.keys(results.byTokenCount);
  for (const count of counts) {
    const figures = results.byTokenCount[count]!;
    console.log(`\nN = ${count} tokens in the account`);
    console.log(row(['figure', 'median', 'min', 'max', 'runs'], WIDTHS));
    for (const name of Object.keys(LABELS) as FigureName[]) {
      console.log(`${row([LABELS[name], ...statCells(name, figures[name])], WIDTHS)}  ${targetNote(name, figures)}`);
    }
  }

  const { bundle } = results;
  console.log('\n(4) renderer bundle (dist/renderer)');
  console.log(
    `    JS  ${kb(bundle.jsBytes)} raw, ${kb(bundle.jsGzipBytes)} gzip on the first screen  ${verdict(bundle.jsGzipBytes <= JS_GZIP_BYTES)} ≤ ${kb(JS_GZIP_BYTES)} gzip`,
  );
  // Older results files have no lazy figure.
  if (bundle.lazyJsGzipBytes !== undefined)
    console.log(`    lazy JS ${kb(bundle.lazyJsGzipBytes)} gzip (pages, dialogs, user menu, toasts, other languages' catalogs)`);
  console.log(`    CSS ${kb(bundle.cssBytes)} raw, ${kb(bundle.cssGzipBytes)} gzip`);
  console.log(`    fonts ${kb(bundle.fontBytes)} woff2 (not counted in the JS budget)`);
  console.log('    Save → row runs add tokens: N grows by 2 × runs during that measurement (it comes last).');

  if (results.accounts) printAccounts(results.accounts);
  if (results.allTokens) printAllTokens(results.allTokens);
  printScaling(results);
  if (previous) printChange(results, previous);
}

const stat = (s: Stats) => `median ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, ${s.runs} runs)`;

/** The three figures of issue 11, each with its target. */
export function printAccounts(a: AccountFigures): void {
  const extra = a.launchFirstRow5.median - a.launchFirstRow1.median;
  const heapRatio = a.heapAfterLastSwitch / a.heapAfterFirstSwitch;
  console.log('\nSeveral accounts (10 tokens each)');
  console.log(
    `    switch (user menu) → first row of the new account: ${stat(a.switchToFirstRow)}  ${verdict(a.switchToFirstRow.median <= SWITCH_MS)} ≤ ${SWITCH_MS} ms`,
  );
  console.log(`        of which: until main answered the list:     ${stat(a.switchListAnswered)}`);
  console.log(`    launch → first row, 1 account restored:  ${stat(a.launchFirstRow1)}`);
  console.log(`    launch → first row, 5 accounts restored: ${stat(a.launchFirstRow5)}`);
  console.log(`        5 vs 1: ${signedMs(extra)}  ${verdict(extra <= LAUNCH_EXTRA_MS)} ≤ +${LAUNCH_EXTRA_MS} ms`);
  console.log(
    `    renderer heap after the 1st switch ${mb(a.heapAfterFirstSwitch)}, after ${a.switches}: ${mb(a.heapAfterLastSwitch)} ` +
      `(×${heapRatio.toFixed(2)})  ${verdict(heapRatio <= SWITCH_HEAP_FACTOR)} ≤ ×${SWITCH_HEAP_FACTOR}`,
  );
}

/** All tokens' four figures, each with its target. */
export function printAllTokens(a: AllTokensFigures): void {
  const ratio = a.appLoad.median / a.rawLoad.median;
  const heap = a.heapBytes.median;
  console.log(
    `\nAll tokens: ${a.accounts} accounts on ${a.servers} fake servers, ${a.rows} rows (load average ${a.loadAverage.toFixed(1)})`,
  );
  console.log(
    `    first page arrived → first row painted: ${stat(a.firstRow)}  ${verdict(a.firstRow.median <= ALL_FIRST_ROW_MS)} ≤ ${ALL_FIRST_ROW_MS} ms`,
  );
  console.log(
    `    key typed in search → filtered rows painted: ${stat(a.search)}  ${verdict(a.search.median <= ALL_SEARCH_MS)} ≤ ${ALL_SEARCH_MS} ms`,
  );
  console.log(
    `    renderer heap, every row loaded: ${mb(heap)} (min ${mb(a.heapBytes.min)}, max ${mb(a.heapBytes.max)})  ${verdict(heap <= ALL_HEAP_BYTES)} ≤ ${mb(ALL_HEAP_BYTES)}`,
  );
  console.log(`    first request → every row painted: ${stat(a.appLoad)}, ${a.appRequests} requests`);
  console.log(`    the same pages from plain Node, ${a.rawRequests} requests: ${stat(a.rawLoad)}`);
  console.log(`        app vs script: ×${ratio.toFixed(2)}  ${verdict(ratio <= ALL_LOAD_FACTOR)} ≤ ×${ALL_LOAD_FACTOR}`);
  console.log(
    `    per page (medians of the runs' medians): main answered in ${a.mainPerPage.median.toFixed(1)} ms, the page waited ${a.pageWaitPerPage.median.toFixed(1)} ms`,
  );
  if (a.cpu) {
    const { bench, browser, renderer, rawBench } = a.cpu;
    console.log(
      `    CPU per load (medians): bench process ${ms(bench.median)} (the script's load: ${ms(rawBench.median)}), Chromium's browser process ${ms(browser.median)}, the page's renderer ${ms(renderer.median)}`,
    );
  }
}

/** Issue 17's figure: many accounts and copies in the OS keychain against one account and no copy. */
export function printKeychainLaunch(k: KeychainLaunchFigures): void {
  const extra = k.launchKeychainMany.median - k.launchKeychainOne.median;
  const { before, after } = k.loadAverage;
  console.log(`\nLaunch with the OS keychain (load average ${before.toFixed(1)} before, ${after.toFixed(1)} after)`);
  console.log(`    launch → first row, ${k.accounts} accounts + ${k.copies} token copies in the keychain: ${stat(k.launchKeychainMany)}`);
  console.log(`    launch → first row, 1 account in the keychain, no copy:       ${stat(k.launchKeychainOne)}`);
  console.log(`    launch → first row, 1 account in the memory store:            ${stat(k.launchMemoryOne)}`);
  console.log(
    `        ${k.accounts} + ${k.copies} vs 1: ${signedMs(extra)}  ${verdict(extra <= LAUNCH_EXTRA_MS)} ≤ +${LAUNCH_EXTRA_MS} ms`,
  );
}

/** Ratio of the median at the largest N to the smallest; a linear cost would grow by the ratio of N. */
function printScaling(results: BenchResults): void {
  const counts = Object.keys(results.byTokenCount);
  const small = counts[0]!;
  const large = counts[counts.length - 1]!;
  const growth = Number(large) / Number(small);
  console.log(`\nScaling: median at N = ${large} ÷ median at N = ${small} (linear would be ×${growth})`);
  for (const name of Object.keys(LABELS) as FigureName[]) {
    const ratio = results.byTokenCount[large]![name].median / results.byTokenCount[small]![name].median;
    console.log(`    ${LABELS[name].trim().padEnd(42)} ×${ratio.toFixed(2)}`);
  }
}

function printChange(results: BenchResults, previous: BenchResults): void {
  console.log(`\nChange since the last run (${previous.date}), medians:`);
  for (const [count, figures] of Object.entries(results.byTokenCount)) {
    const before = previous.byTokenCount[count];
    if (!before) continue;
    for (const name of Object.keys(LABELS) as FigureName[]) {
      const old = before[name]?.median;
      if (old === undefined) continue;
      const now = figures[name].median;
      const percent = ((now - old) / old) * 100;
      console.log(
        `    N=${count.padEnd(5)} ${LABELS[name].trim().padEnd(42)} ${format(name, old)} → ${format(name, now)} (${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%)`,
      );
    }
  }
  const gzipBefore = previous.bundle.jsGzipBytes;
  console.log(`    JS gzip ${kb(gzipBefore)} → ${kb(results.bundle.jsGzipBytes)}`);
}
