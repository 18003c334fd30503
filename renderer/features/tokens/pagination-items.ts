export type PageItem = number | 'gap-before' | 'gap-after';

/** Up to this many pages are listed without gaps. */
const ALL_PAGES_UP_TO = 7;

/** The page buttons to show, NocoDB style: 1 … 4 5 6 … 10 (both ends and the neighbours of the current page). */
export function paginationItems(current: number, count: number): PageItem[] {
  if (count <= ALL_PAGES_UP_TO) return Array.from({ length: count }, (_, i) => i + 1);
  const start = Math.max(2, Math.min(current - 1, count - 4));
  const end = Math.min(count - 1, Math.max(current + 1, 5));
  const middle = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  return [1, ...(start > 2 ? (['gap-before'] as const) : []), ...middle, ...(end < count - 1 ? (['gap-after'] as const) : []), count];
}
