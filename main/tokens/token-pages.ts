// Paging through every token of an account with the largest page the server accepts: ask for
// LARGEST_PAGE, then keep to the size the server says it applied (`pageInfo.pageSize`; 0.301.3
// caps it at DB_QUERY_LIMIT_MAX, 1,000 by default). A page shorter than that size is the last one.
import { AppFailure } from '../app-error.ts';
import type { ApiTokenPage } from '../nocodb/types.ts';

export const LARGEST_PAGE = 1000;

/**
 * The most one paging through an account reads: far beyond any real account, and a server that
 * always answers a full page (or the same page again) stops here instead of looping forever.
 */
export const PAGING_BOUNDS = { rows: 100_000, pages: 5_000, ms: 5 * 60_000 };

/** The server listed more than PAGING_BOUNDS: what needed the whole list cannot be answered. */
export const tooManyTokens = () =>
  new AppFailure('server_error', 'The server listed more tokens than expected, so the app stopped reading its list.', {
    reason: 'too_many_tokens',
  });

export type FetchTokenPage = (query: { limit: number; offset: number }) => Promise<ApiTokenPage>;

/** The size to ask for next, from what was asked and what the server says it applied. */
export function learnedPageSize(asked: number, answer: ApiTokenPage): number {
  return Math.max(1, Math.min(asked, answer.pageSize ?? asked));
}

/**
 * Every page from `offset` on, each with the offset after it (null after the last page). Throws
 * `tooManyTokens` past `bounds` (rows, pages, or time since the first request).
 */
export async function* tokenPages(
  fetchPage: FetchTokenPage,
  { offset = 0, limit = LARGEST_PAGE, bounds = PAGING_BOUNDS, now = Date.now } = {},
) {
  let next: number | null = offset;
  let size = limit;
  let rowsRead = 0;
  const started = now();
  for (let pages = 0; next !== null; pages += 1) {
    if (pages >= bounds.pages || rowsRead >= bounds.rows || now() - started >= bounds.ms) throw tooManyTokens();
    const answer = await fetchPage({ limit: size, offset: next });
    rowsRead += answer.rows.length;
    size = learnedPageSize(size, answer);
    const rows = answer.rows;
    next = rows.length < size ? null : next + rows.length;
    yield { rows, next, pageSize: size };
  }
}
