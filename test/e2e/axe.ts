// axe-core in the real page: WCAG 2.0/2.1 A and AA plus best practices, in the light and the dark
// theme. Injected with page.evaluate, because the app's CSP (rightly) refuses inline <script> tags.
// Call `expectNoAxeViolations(page, 'screen name')` once the screen shows what you want checked.
import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { screenshot } from './steps.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** One line per rule hit: theme, impact, rule id, what it means, and every element it hit. */
export function describeViolations(theme: Theme, violations: Result[]): string[] {
  return violations.map(
    (v) => `[${theme}] ${v.impact ?? 'unknown'} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The page's globals these helpers use (the e2e code typechecks without the DOM library). */
interface PageGlobals {
  document: { getAnimations(): Array<{ effect: { getComputedTiming(): { iterations?: number } } | null; finished: Promise<unknown> }> };
  axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
}

/** Waits for entry animations (menus, dialogs, toasts) to end, so colours are read at rest. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as PageGlobals;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  return page.evaluate((runOptions) => {
    const pageGlobals = globalThis as unknown as PageGlobals;
    return pageGlobals.axe!.run(pageGlobals.document, runOptions);
  }, options);
}

/**
 * Fails with the rule id and the element of every axe violation on the page as it is now, checked in
 * the light and the dark theme (the app follows the OS's colour scheme). Saves a screenshot of each
 * theme as `a11y-<screen>-<theme>.png`, then hands the page back in the OS's own scheme.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await settle(page);
    const results = await runAxe(page);
    found.push(...describeViolations(theme, results.violations));
    await screenshot(page, `a11y-${screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: null });
  // One line per hit in the message itself, so a CI log names every rule and element.
  if (found.length > 0) throw new Error(`axe found ${found.length} violation(s) on "${screen}":\n${found.join('\n')}`);
}
