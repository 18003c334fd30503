// One tooltip for the whole window. A button names its text in `data-tooltip`; this layer shows
// it after a short hover and at once on keyboard focus, as Radix's tooltip did per button. A Radix
// tooltip per button cost about 0.3 ms to mount, and a row of tokens has six: All tokens remounts
// its rows on every search keystroke, so the table could not keep up with typing.
import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

const TOOLTIP_ATTRIBUTE = 'data-tooltip';
const TRIGGER = `[${TOOLTIP_ATTRIBUTE}]`;
/** The same delays as the app's Radix tooltips: 300 ms to open, none when moving on from an open one. */
const OPEN_DELAY_MS = 300;
const SKIP_DELAY_MS = 300;
const GAP = 6;
const MARGIN = 8;
/** The tooltip sits inside the trigger's landmark, so no content is left outside one (axe: region). */
const LANDMARKS = 'main, nav, aside, header, footer, [role="dialog"], [role="alertdialog"], [role="region"], [role="complementary"]';

const triggerOf = (node: EventTarget | null): HTMLElement | null =>
  node instanceof Element ? (node.closest(TRIGGER) as HTMLElement | null) : null;

/** Above the trigger, centred; below it when there is no room above; always inside the window. */
function place(tip: HTMLElement, trigger: Element) {
  const anchor = trigger.getBoundingClientRect();
  const size = tip.getBoundingClientRect();
  const above = anchor.top - GAP - size.height;
  const top = above >= MARGIN ? above : anchor.bottom + GAP;
  const left = Math.min(Math.max(MARGIN, anchor.left + anchor.width / 2 - size.width / 2), window.innerWidth - size.width - MARGIN);
  tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

export function TooltipLayer() {
  const [trigger, setTrigger] = useState<HTMLElement | null>(null);
  const [, refresh] = useReducer((count: number) => count + 1, 0);
  const id = useId();
  const tip = useRef<HTMLDivElement>(null);
  /** The trigger shown, for the listeners (the state is for drawing). */
  const shownRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closedAt = -Infinity;
    let pressed = false;
    const show = (next: HTMLElement | null) => {
      clearTimeout(timer);
      if (shownRef.current === next) return;
      if (shownRef.current !== null) closedAt = performance.now();
      shownRef.current = next;
      setTrigger(next);
    };
    const showSoon = (next: HTMLElement) => {
      clearTimeout(timer);
      if (shownRef.current !== null || performance.now() - closedAt < SKIP_DELAY_MS) show(next);
      else timer = setTimeout(() => show(next), OPEN_DELAY_MS);
    };
    const onOver = (event: PointerEvent) => {
      const next = triggerOf(event.target);
      if (next && next !== shownRef.current) showSoon(next);
    };
    const onOut = (event: PointerEvent) => {
      const from = triggerOf(event.target);
      if (!from || from === triggerOf(event.relatedTarget)) return;
      clearTimeout(timer);
      if (shownRef.current === from) show(null);
    };
    // A click's focus opens nothing (and closes what was open); a keyboard's focus opens at once.
    const onDown = () => {
      pressed = true;
      show(null);
    };
    const onUp = () => setTimeout(() => (pressed = false));
    const onFocus = (event: FocusEvent) => {
      const next = triggerOf(event.target);
      if (next && !pressed) show(next);
    };
    const onBlur = (event: FocusEvent) => {
      if (triggerOf(event.target) === shownRef.current) show(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') show(null);
    };
    const onScroll = () => show(null);
    const listeners = [
      ['pointerover', onOver],
      ['pointerout', onOut],
      ['pointerdown', onDown],
      ['pointerup', onUp],
      ['focusin', onFocus],
      ['focusout', onBlur],
      ['keydown', onKey],
      ['scroll', onScroll],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener, true);
    return () => {
      clearTimeout(timer);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener, true);
    };
  }, []);

  // While open: the text follows the trigger's (a button that becomes busy), and a trigger that
  // leaves the page (its row scrolled or searched away) takes its tooltip with it.
  useEffect(() => {
    if (trigger === null) return;
    const observer = new MutationObserver(() => {
      if (trigger.isConnected) return refresh();
      shownRef.current = null;
      setTrigger(null);
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: [TOOLTIP_ATTRIBUTE] });
    const described = trigger.getAttribute('aria-describedby');
    trigger.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
    return () => {
      observer.disconnect();
      if (described === null) trigger.removeAttribute('aria-describedby');
      else trigger.setAttribute('aria-describedby', described);
    };
  }, [trigger, id]);

  const text = trigger?.getAttribute(TOOLTIP_ATTRIBUTE) ?? '';
  // After every drawing of the layer: a new text is a new size.
  useLayoutEffect(() => {
    if (trigger && tip.current) place(tip.current, trigger);
  });

  if (trigger === null || text === '') return null;
  return createPortal(
    <div ref={tip} id={id} role="tooltip" className="tooltip tooltip-floating">
      {text}
    </div>,
    trigger.closest(LANDMARKS) ?? document.body,
  );
}
