// Injected into the renderer page before the app's scripts, for the bench only. It notes, on the
// page's own clock (ms since navigation start), when the first token row is in the document
// (`rowInDom`: React has committed it) and painted (`firstRow`), when Save or
// an account switch is clicked, when a row holding the expected name is painted (`savedRow` and
// `expectedRow`, cleared separately by the scenarios), and when each bridge call is first
// answered (`answered:<channel>`), to split a figure into waiting for main and rendering, and how long
// each call waited for its answer (`__benchWaits[channel]`). For All
// tokens: its first row painted (`firstAllTokensRow`), the first call and the latest answer of each
// channel (`called:<channel>`, `last:<channel>`), the table's row count painted (`rows:<aria-rowcount>`) and, after a key
// typed in its search box (`typed`), the first frame whose row count differs (`searched`). The
// page's clock avoids counting Playwright's polling and round trips as the app's time.
(() => {
  const ROW = '[data-testid=nc-token-row]';
  const SAVE = '[data-testid=nc-token-save-btn]';
  const SWITCH = '[data-testid=nc-account-switch]';
  const ALL_ROW = '[data-testid=nc-all-tokens-row]';
  const SEARCH = '[data-testid=nc-all-tokens-search]';
  const TABLE = '.all-tokens-table';
  const marks = {};
  Object.defineProperty(window, '__benchMarks', { value: marks });

  const pending = new Set();
  // A frame callback runs right before the frame that shows the change is painted.
  const markPainted = (key) => {
    if (marks[key] !== undefined || pending.has(key)) return;
    pending.add(key);
    requestAnimationFrame(() => {
      pending.delete(key);
      marks[key] = performance.now();
    });
  };

  // The harness's binding behind the bridge; the bridge looks it up on every call.
  const invoke = window.__nocodbInvoke;
  /** How long each call waited for its answer, by channel. */
  const waits = {};
  Object.defineProperty(window, '__benchWaits', { value: waits });
  window.__nocodbInvoke = async (channel, arg) => {
    const asked = performance.now();
    marks[`called:${channel}`] ??= asked;
    const answer = await invoke(channel, arg);
    (waits[channel] ??= []).push(performance.now() - asked);
    marks[`answered:${channel}`] ??= performance.now();
    marks[`last:${channel}`] = performance.now();
    return answer;
  };

  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest(SAVE)) marks.save = performance.now();
      if (event.target instanceof Element && event.target.closest(SWITCH)) marks.switch = performance.now();
    },
    true,
  );

  const rowCount = () => document.querySelector(TABLE)?.getAttribute('aria-rowcount') ?? null;
  document.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof Element && event.target.closest(SEARCH))) return;
      marks.typed = performance.now();
      marks.typedRowCount = rowCount();
    },
    true,
  );
  new MutationObserver(() => {
    const rows = document.querySelectorAll(ROW);
    if (rows.length > 0) {
      marks.rowInDom ??= performance.now();
      markPainted('firstRow');
    }
    if (document.querySelector(ALL_ROW)) markPainted('firstAllTokensRow');
    const expected = marks.expectedName;
    if (typeof expected === 'string' && [...rows].some((row) => row.textContent.includes(expected))) {
      markPainted('savedRow');
      markPainted('expectedRow');
    }
    const count = rowCount();
    if (count === null) return;
    markPainted(`rows:${count}`);
    if (marks.typed !== undefined && count !== marks.typedRowCount) markPainted('searched');
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-rowcount'] });
})();
