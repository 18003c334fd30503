// Where the keyboard focus is, as a user of a screen reader would hear it: role and accessible name.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The focused element's first ARIA snapshot line (`- button "Copy"`), or `<body>` when nothing visible has focus. */
export async function focusedElement(page: Page): Promise<string> {
  const target = page.locator(':focus');
  if ((await target.count()) !== 1 || !(await target.isVisible())) return '<body>';
  return (await target.ariaSnapshot()).split('\n')[0]!;
}

/** Any visible element with a role and a name. */
export const NAMED = /^- [\w-]+ "[^"]+"/;

/** Waits until a visible element whose role and name match `expected` has the focus; fails otherwise. */
export async function expectFocus(page: Page, expected: RegExp, step: string): Promise<void> {
  await expect.poll(() => focusedElement(page), { message: `focus after "${step}"`, timeout: 5_000 }).toMatch(expected);
  // Named: an element with focus but no accessible name tells a screen-reader user nothing.
  expect(await focusedElement(page), `focus after "${step}"`).toMatch(NAMED);
}

/** Presses a key (or a chord like Shift+Tab) and checks where the focus went. */
export async function press(page: Page, key: string, expected: RegExp): Promise<void> {
  await page.keyboard.press(key);
  await expectFocus(page, expected, key);
}

/** Presses Tab (or Shift+Tab) until `expected` has the focus, checking the focus after every press. */
export async function tabTo(page: Page, expected: RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  if (expected.test(await focusedElement(page))) return;
  for (let i = 0; i < (options.max ?? 12); i += 1) {
    await page.keyboard.press(key);
    await expectFocus(page, NAMED, key);
    if (expected.test(await focusedElement(page))) return;
  }
  throw new Error(`${key} never reached ${expected}; the focus is on ${await focusedElement(page)}`);
}
