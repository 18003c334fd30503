// The bench's page probe (page-probe.js) notes marks on the page's own clock; both UI scenarios read them here.
import type { Page } from 'playwright-core';

/** How long a bench step may wait for the page before the run fails. */
export const WAIT_MS = 30_000;

/** Waits until the page probe has noted `mark` and returns its time (ms since navigation start). */
export async function readMark(page: Page, mark: string, timeout = WAIT_MS): Promise<number> {
  const handle = await page.waitForFunction(
    (key) => (globalThis as unknown as { __benchMarks: Record<string, number | undefined> }).__benchMarks[key],
    mark,
    { timeout },
  );
  return Number(await handle.jsonValue());
}
