// Pages that arrive within PAGE_BATCH_MS of the last shown ones are shown together: with 20 accounts
// answering at once, drawing the table once per page kept the window too busy to ask for the next.
// Each drawing of the table costs the page about as much as parsing and merging several pages, so
// a load of 20,000 rows is drawn a few times a second (at 100 ms the page's CPU per load was a
// quarter higher), and its last page at once.
export const PAGE_BATCH_MS = 250;

/** Collects the latest change per account; the first shows at once, the ones right behind it wait for the rest of their batch. */
export function createPageBatcher<Change>(now: () => number, apply: (changes: Map<string, Change>) => void) {
  const arrived = new Map<string, Change>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shownAt = -Infinity;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (arrived.size === 0) return;
    shownAt = now();
    const changes = new Map(arrived);
    arrived.clear();
    apply(changes);
  };

  return {
    add(accountId: string, change: Change) {
      arrived.set(accountId, change);
      const wait = shownAt + PAGE_BATCH_MS - now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    flush,
    /** Forgets an account's change not shown yet. */
    drop: (accountId: string) => void arrived.delete(accountId),
  };
}
