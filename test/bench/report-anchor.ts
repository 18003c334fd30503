// Prints the anchor part (issue 26): NocoDB's own UI next to the app in the same run, the ratios and
// the A/B launch, and the load average of every part with the noisy ones marked.
import { NOISY_LOAD, type LoadSpan, type Stats } from './measure.ts';
import type { AnchorFigures } from './scenarios/anchor.ts';

const NAV_TIMES_SOONER = 30;
const LAUNCH_TIMES_SOONER = 15;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const stat = (s: Stats) => `median ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, ${s.runs} runs)`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export function printAnchor(a: AnchorFigures, load: LoadSpan | undefined): void {
  const noisy = load && Math.max(load.start, load.end) > NOISY_LOAD ? '  (noisy: load above 2)' : '';
  console.log(`\nThe anchor: NocoDB's own UI in the same run${noisy}`);
  console.log(`    NocoDB /dashboard/#/account/tokens opened fresh → first row: ${stat(a.nocodbFirstRow)}`);
  console.log(`    app: navigation → first row:                          ${stat(a.appFirstRow)}`);
  const navRatio = a.nocodbFirstRow.median / a.appFirstRow.median;
  console.log(`        ×${navRatio.toFixed(1)} sooner than NocoDB  ${verdict(navRatio >= NAV_TIMES_SOONER)} ≥ ×${NAV_TIMES_SOONER}`);
  console.log(`    app: whole launch (main starts) → first row:          ${stat(a.appLaunchFirstRow)}`);
  const launchRatio = a.nocodbFirstRow.median / a.appLaunchFirstRow.median;
  console.log(
    `        ×${launchRatio.toFixed(1)} sooner than NocoDB  ${verdict(launchRatio >= LAUNCH_TIMES_SOONER)} ≥ ×${LAUNCH_TIMES_SOONER}`,
  );
  printTimeline(a.timeline);
  if (a.abLaunchFirstRow && a.abRef) {
    const difference = a.appLaunchFirstRow.median - a.abLaunchFirstRow.median;
    console.log(`    ${a.abRef}: whole launch → first row (alternating):  ${stat(a.abLaunchFirstRow)}`);
    console.log(
      `        this code vs ${a.abRef}: ${difference >= 0 ? '+' : ''}${ms(difference)} (×${(a.appLaunchFirstRow.median / a.abLaunchFirstRow.median).toFixed(2)})  ${verdict(difference <= 0)} never slower`,
    );
  }
}

/** Where a whole launch's time goes, step by step (median of the profiled launches). */
export function printTimeline(timeline: AnchorFigures['timeline']): void {
  console.log('\nA whole launch, step by step (ms after main starts; median of the profiled launches):');
  for (const { step, ms: at } of timeline) console.log(`    ${at.toFixed(1).padStart(8)}  ${step}`);
}

export function printLoads(loads: Record<string, LoadSpan>): void {
  console.log('\nLoad average (1 minute) per part, start → end:');
  for (const [name, { start, end }] of Object.entries(loads)) {
    const noisy = Math.max(start, end) > NOISY_LOAD ? '  NOISY' : '';
    console.log(`    ${name.padEnd(28)} ${start.toFixed(2)} → ${end.toFixed(2)}${noisy}`);
  }
}
