import { useEffect } from 'react';

/** True when nothing has focus any more: the focused element went away with the screen it was on. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** Focuses the first element that exists, in the order given; true when one took the focus. */
export function focusFirst(elements: Array<HTMLElement | null | undefined>): boolean {
  const target = elements.find((element) => element?.isConnected);
  target?.focus();
  return target !== undefined;
}

/** The screen's heading, made focusable from script only (it is not a control, so not in the Tab order). */
function screenHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/**
 * After every change of `screen` (sign-in → home, a new route), moves the focus to the new screen's
 * `main h1` when it was lost with the old screen, so keyboard and screen-reader users start there
 * instead of at the top of the page. Checked again after the frame, when menus have returned focus.
 */
export function useFocusHeadingWhenLost(screen: string): void {
  useEffect(() => {
    const recover = () => {
      if (focusIsLost()) focusFirst([screenHeading()]);
    };
    recover();
    const later = setTimeout(recover, 0);
    return () => clearTimeout(later);
    // `screen` is not read: it is the trigger (the screen changed, so focus may have been lost).
    // oxlint-disable-next-line react/exhaustive-deps
  }, [screen]);
}
