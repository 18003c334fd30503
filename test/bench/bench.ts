// `npm run bench`: the app side by side with the raw NocoDB API (issue 7). Starts its own NocoDB on
// 127.0.0.1, signs up a fresh user (a non-admin sees only its own tokens), fills it with N tokens and
// measures the raw API, main's IPC path, the UI, the bundle and the renderer heap; then several
// accounts, and All tokens with 20,000 rows on fake servers. Stops everything it started, also on
// failure. `BENCH_ONLY=all-tokens npm run bench` runs All tokens alone (no NocoDB needed) and leaves
// bench-results.json as it is (so does `BENCH_ONLY=accounts`, the several accounts part on its own NocoDB);
// `BENCH_ONLY=keychain-launch npm run bench` runs only the launch with
// the real OS keychain (its own private D-Bus and keyring; not part of a full run). Every full run
// also times NocoDB's own web UI next to the app (the anchor); `BENCH_AB_REF=<ref>` adds the launch
// of that ref's code, alternating with this one's (`BENCH_ONLY=anchor` runs that part alone, on its
// own NocoDB). Each part prints its load average.
import { cpus, totalmem } from 'node:os';
import { launchApp, shutdownHarness } from '../e2e/harness.ts';
import { signUpUser } from '../support/nocodb-env.ts';
import { NOCODB_VERSION, startNocodb } from '../support/nocodb-server.ts';
import { compare, part, timed, type LoadSpan } from './measure.ts';
import { rawAccount, type RawAccount } from './nocodb-account.ts';
import { printAccounts, printAllTokens, printKeychainLaunch, printResults } from './report.ts';
import { printAnchor, printLoads } from './report-anchor.ts';
import { readPrevious, RESULTS_FILE, save, type BenchResults, type FiguresAtN } from './results.ts';
import { measureAccounts } from './scenarios/accounts.ts';
import { measureAllTokens } from './scenarios/all-tokens.ts';
import { measureAnchor } from './scenarios/anchor.ts';
import { measureBundle } from './scenarios/bundle.ts';
import { measureKeychainLaunch } from './scenarios/keychain-launch.ts';
import { signedInMainProcess, type MainProcess } from './scenarios/main-process.ts';
import { signedInUi, type UiSession } from './scenarios/ui.ts';

const TOKEN_COUNTS = [10, 100, 1000];
const PAGE = 25;
const API = { runs: 20, warmup: 3 };
const UI = { runs: 10, warmup: 2 };
const HEAP = { runs: 3, warmup: 0 };

const hardware = () => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
});

interface Subjects {
  raw: RawAccount;
  main: MainProcess;
  ui: UiSession;
}

async function measureAt(count: number, { raw, main, ui }: Subjects): Promise<FiguresAtN> {
  const lists = await compare(
    [
      async () => ({ rawList: await timed(() => raw.listPage(PAGE)) }),
      async () => ({ rawListPlusOne: await timed(() => raw.listPage(PAGE + 1)) }),
      async () => ({ mainList: await timed(() => main.listPage(PAGE)) }),
    ],
    API,
  );
  const load = await compare([() => ui.firstRowAfterNavigation()], UI);
  const heap = await compare([async () => ({ heapBytes: await ui.heapUsed() })], HEAP);
  // Last, because every run adds a token.
  let created = 0;
  const saves = await compare(
    [
      () => ui.saveToRow(`save-${count}-${++created}`),
      async () => ({ rawCreate: await timed(() => raw.createToken(`raw-${count}-${++created}`)) }),
    ],
    UI,
  );
  return { ...lists, ...load, ...heap, ...saves };
}

async function run(): Promise<void> {
  const previous = await readPrevious();
  const loads: Record<string, LoadSpan> = {};
  const bundle = await part('bundle', () => measureBundle(), loads);
  console.log('Starting NocoDB on 127.0.0.1…');
  const server = await startNocodb();
  let ui: UiSession | null = null;
  try {
    const user = await signUpUser(server.url);
    const raw = await rawAccount(user);
    const main = await signedInMainProcess(user);
    ui = await signedInUi(user);
    const byTokenCount: Record<string, FiguresAtN> = {};
    for (const count of TOKEN_COUNTS) {
      console.log(`Filling the account to ${count} tokens and measuring…`);
      await raw.fillTo(count);
      byTokenCount[count] = await part(`N = ${count}`, () => measureAt(count, { raw, main, ui: ui! }), loads);
    }
    console.log("The anchor: NocoDB's own UI, the app's navigation and whole launch, alternating…");
    const anchor = await part('anchor', () => measureAnchor(user, launchApp), loads);
    console.log('Several accounts: 5 fresh users, switches and launches…');
    const users = await Promise.all(Array.from({ length: 5 }, () => signUpUser(server.url)));
    const accounts = await part('several accounts', () => measureAccounts(users), loads);
    console.log('All tokens: 20 accounts × 1,000 tokens on fake servers…');
    const allTokens = await part('all tokens', () => measureAllTokens(), loads);
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { ...hardware(), chromium: ui.chromiumVersion(), nocodb: NOCODB_VERSION },
      bundle,
      byTokenCount,
      accounts,
      allTokens,
      anchor,
      loads,
    };
    const { machine } = results;
    console.log(
      `\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}, NocoDB ${machine.nocodb}`,
    );
    printResults(results, previous);
    printAnchor(anchor, loads['anchor']);
    printLoads(loads);
    await save(results);
    console.log(`\nFigures written to ${RESULTS_FILE}`);
  } finally {
    await ui?.close();
    await shutdownHarness();
    await server.dispose();
  }
}

/** One scenario alone, printed and not saved (bench-results.json keeps the last full run). */
async function runAlone(title: string, measureAndPrint: () => Promise<void>): Promise<void> {
  const { cpus: count, cpuModel, memoryGiB, node } = hardware();
  console.log(`${title} alone: ${count} × ${cpuModel}, ${memoryGiB} GiB, Node ${node}…`);
  try {
    await measureAndPrint();
  } finally {
    await shutdownHarness();
  }
}

// Ctrl-C: exit through process.exit so the exit hooks kill NocoDB and Chromium.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const only = process.env['BENCH_ONLY'];
if (only === undefined || only === '') await run();
else if (only === 'all-tokens') await runAlone('All tokens', async () => printAllTokens(await measureAllTokens()));
else if (only === 'anchor')
  await runAlone('The anchor', async () => {
    const server = await startNocodb();
    try {
      const user = await signUpUser(server.url);
      await (await rawAccount(user)).fillTo(TOKEN_COUNTS[0]!);
      const loads: Record<string, LoadSpan> = {};
      printAnchor(await part('anchor', () => measureAnchor(user, launchApp), loads), loads['anchor']);
    } finally {
      await server.dispose();
    }
  });
else if (only === 'accounts')
  await runAlone('Several accounts', async () => {
    const server = await startNocodb();
    try {
      const users = await Promise.all(Array.from({ length: 5 }, () => signUpUser(server.url)));
      const loads: Record<string, LoadSpan> = {};
      printAccounts(await part('several accounts', () => measureAccounts(users), loads));
      printLoads(loads);
    } finally {
      await server.dispose();
    }
  });
else if (only === 'keychain-launch')
  await runAlone('Launch with the OS keychain', async () => printKeychainLaunch(await measureKeychainLaunch()));
else throw new Error(`BENCH_ONLY=${only}: the scenarios that run alone are accounts, all-tokens, anchor and keychain-launch.`);
