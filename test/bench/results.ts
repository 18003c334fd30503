// The figures of one bench run, as saved to bench-results.json (git-ignored) for the next run to
// compare with.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadSpan, Stats } from './measure.ts';
import type { AccountFigures } from './scenarios/accounts.ts';
import type { AllTokensFigures } from './scenarios/all-tokens.ts';
import type { AnchorFigures } from './scenarios/anchor.ts';
import type { BundleSize } from './scenarios/bundle.ts';

export const RESULTS_FILE = path.resolve(import.meta.dirname, '../../bench-results.json');

/** Timings in ms, heap in bytes, per token count. */
export interface FiguresAtN {
  rawList: Stats;
  /** What main asks for a page of 25: one row more, to tell whether another page follows. */
  rawListPlusOne: Stats;
  mainList: Stats;
  uiFirstRow: Stats;
  /** When the page had the list from main: the rest of uiFirstRow is rendering. */
  uiListAnswered: Stats;
  uiSaveToRow: Stats;
  /** When the page had the new token from main: the rest of uiSaveToRow is rendering. */
  uiCreateAnswered: Stats;
  rawCreate: Stats;
  heapBytes: Stats;
}

export type FigureName = keyof FiguresAtN;

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  nocodb: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  bundle: BundleSize;
  /** Keyed by the number of tokens in the account. */
  byTokenCount: Record<string, FiguresAtN>;
  /** Several accounts (issue 11); missing in results saved before it. */
  accounts?: AccountFigures;
  /** All tokens with 20,000 rows; missing in results saved before it. */
  allTokens?: AllTokensFigures;
  /** NocoDB's own UI and the app's whole launch in the same run (issue 26); missing before it. */
  anchor?: AnchorFigures;
  /** The load average at the start and end of each part; missing before issue 26. */
  loads?: Record<string, LoadSpan>;
}

/** The last run's figures, or null when there is none (or it cannot be read). */
export async function readPrevious(): Promise<BenchResults | null> {
  try {
    return JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}

export async function save(results: BenchResults): Promise<void> {
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
