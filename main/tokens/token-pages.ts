// Paging through every token of an account with the largest page the server accepts: ask for
// LARGEST_PAGE, then keep to the size the server says it applied (`pageInfo.pageSize`; 0.301.3
// caps it at DB_QUERY_LIMIT_MAX, 1,000 by default). A page shorter than that size is the last one.
import type { ApiTokenPage } from '../nocodb/types.ts';

export const LARGEST_PAGE = 1000;

export type FetchTokenPage = (query: { limit: number; offset: number }) => Promise<ApiTokenPage>;

/** The size to ask for next, from what was asked and what the server says it applied. */
export function learnedPageSize(asked: number, answer: ApiTokenPage): number {
  return Math.max(1, Math.min(asked, answer.pageSize ?? asked));
}

/** Every page from `offset` on, each with the offset after it (null after the last page). */
export async function* tokenPages(fetchPage: FetchTokenPage, offset = 0, limit = LARGEST_PAGE) {
  let next: number | null = offset;
  let size = limit;
  while (next !== null) {
    const answer = await fetchPage({ limit: size, offset: next });
    size = learnedPageSize(size, answer);
    const rows = answer.rows;
    next = rows.length < size ? null : next + rows.length;
    yield { rows, next, pageSize: size };
  }
}
