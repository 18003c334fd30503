// The All tokens list in sort order, kept up to date as pages arrive: only the rows that changed are
// sorted, then merged into the order already known. Re-sorting 20,000 rows on every page (about
// 100 ms each, with a locale-aware comparison) made a full load of 40 pages take seconds.
import type { Language } from '../../preload/contract.ts';
import { rowOrder, sortRows, type AccountTokenRow, type SortOrder } from './all-tokens-rows.ts';

type Order = (a: AccountTokenRow, b: AccountTokenRow) => number;

/** Two lists each in `order`, as one list in `order` (on equal rows, `a`'s first). */
export function mergeSorted(a: readonly AccountTokenRow[], b: readonly AccountTokenRow[], order: Order): AccountTokenRow[] {
  const merged: AccountTokenRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(order(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * Sorts groups of rows (one per account, as the store holds them). A group that is the same array
 * as last time costs nothing; a changed group costs only its added and removed rows, found by
 * identity (the store keeps a row object for as long as the token is listed).
 */
export function createRowSorter(): (
  groups: readonly (readonly AccountTokenRow[])[],
  sort: SortOrder,
  language: Language,
) => AccountTokenRow[] {
  let last: { groups: readonly (readonly AccountTokenRow[])[]; sort: SortOrder; language: Language; sorted: AccountTokenRow[] } | null =
    null;

  return (groups, sort, language) => {
    const order = rowOrder(sort, language);
    // Another language orders names differently: everything is sorted again.
    if (last === null || last.sort.key !== sort.key || last.sort.direction !== sort.direction || last.language !== language) {
      last = { groups, sort, language, sorted: sortRows(groups.flat(), sort, language) };
      return last.sorted;
    }
    const before = new Set(last.groups);
    const now = new Set(groups);
    const gone = new Set(last.groups.filter((group) => !now.has(group)).flat());
    const arrived = groups.filter((group) => !before.has(group)).flat();
    if (gone.size === 0 && arrived.length === 0) {
      last = { ...last, groups };
      return last.sorted;
    }
    // A row in both a gone and an arrived group (an account's list that grew by a page) stays where it is.
    const added = arrived.filter((row) => !gone.delete(row));
    const kept = gone.size === 0 ? last.sorted : last.sorted.filter((row) => !gone.has(row));
    last = { groups, sort, language, sorted: added.length === 0 ? kept : mergeSorted(kept, added.sort(order), order) };
    return last.sorted;
  };
}
