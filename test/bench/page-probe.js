// Injected into the renderer page before the app's scripts, for the bench only. It notes, on the
// page's own clock (ms since navigation start), when the first token row is painted, when Save is
// clicked, and when a row holding the expected name is painted. The page's clock avoids counting
// Playwright's polling and round trips as the app's time.
(() => {
  const ROW = '[data-testid=nc-token-row]';
  const SAVE = '[data-testid=nc-token-save-btn]';
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

  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest(SAVE)) marks.save = performance.now();
    },
    true,
  );

  new MutationObserver(() => {
    const rows = document.querySelectorAll(ROW);
    if (rows.length > 0) markPainted('firstRow');
    const expected = marks.expectedName;
    if (typeof expected === 'string' && [...rows].some((row) => row.textContent.includes(expected))) markPainted('savedRow');
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();
