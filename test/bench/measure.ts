// Timing and statistics for the bench: bounded repeated runs, summarised as median/min/max.
import { loadavg } from 'node:os';

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('No samples to summarise.');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Milliseconds one call of `run` takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** One run of a probe: the figures it measured, by name (a UI run also says where the time went). */
export type Probe<K extends string> = () => Promise<Partial<Record<K, number>>>;

/**
 * Runs every probe `runs` times, round-robin, after `warmup` untimed rounds: interleaving spreads
 * the server's drift (caches, SQLite, GC) evenly over the probes being compared.
 */
export async function compare<K extends string>(
  probes: Array<Probe<K>>,
  { runs, warmup }: { runs: number; warmup: number },
): Promise<Record<K, Stats>> {
  const samples = new Map<K, number[]>();
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const probe of probes) {
      const figures = await probe();
      if (round < warmup) continue;
      for (const [name, value] of Object.entries(figures) as Array<[K, number]>) samples.set(name, [...(samples.get(name) ?? []), value]);
    }
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, summarize(values)])) as Record<K, Stats>;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inParallel(tasks: Array<() => Promise<unknown>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** The 1-minute load average at the start and end of one part of a run (the machine is shared). */
export interface LoadSpan {
  start: number;
  end: number;
}

/** Above this load average a part's figures are marked noisy. */
export const NOISY_LOAD = 2;

/** Runs one part of the bench, printing the load average at its start and end. */
export async function part<T>(name: string, run: () => Promise<T>, loads: Record<string, LoadSpan>): Promise<T> {
  const start = loadavg()[0]!;
  console.log(`[${name}] load average at start ${start.toFixed(2)}`);
  const value = await run();
  const end = loadavg()[0]!;
  loads[name] = { start, end };
  const noisy = Math.max(start, end) > NOISY_LOAD ? ` — NOISY (above ${NOISY_LOAD})` : '';
  console.log(`[${name}] load average at end ${end.toFixed(2)}${noisy}`);
  return value;
}
