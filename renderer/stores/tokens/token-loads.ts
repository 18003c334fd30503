// Loading every token of an account, page by page, within stated bounds: a server that always
// answers a full page (or the same page again) must not pile rows until the window runs out of
// memory. At a bound the load stops, keeps what it had, and says the server sent more than expected.
import type { Result, ServerCapabilities, TokenScanPage } from '../../../preload/contract.ts';
import { fromColumns } from '../../../preload/token-scan-columns.ts';
import { toRows, type AccountTokenRow, type TokenAccount } from '../../domain/all-tokens-rows.ts';

/** The most one account's load reads: far beyond any real account (NocoDB's own UI pages by 10). */
export const LOAD_BOUNDS = {
  /** Rows kept per account. */
  rows: 100_000,
  /** Pages asked per account (a server of 25-row pages reaches the row bound at 4,000). */
  pages: 5_000,
  /** Milliseconds one account's load may take. */
  ms: 5 * 60_000,
};

/** Where a load stands after a page: its rows so far, and how it ended (if it did). */
export type LoadStep =
  | { kind: 'page'; rows: AccountTokenRow[]; done: boolean; truncated: boolean; capabilities: ServerCapabilities }
  | { kind: 'failed'; result: Extract<Result<never>, { ok: false }> };

interface LoadOptions {
  scan: (offset: number) => Promise<Result<TokenScanPage>>;
  /** False once a newer load (or forgetAccount) replaced this one: its pages are dropped. */
  current: () => boolean;
  step: (step: LoadStep) => void;
  now: () => number;
  bounds?: typeof LOAD_BOUNDS;
}

/** Pages through one account; each page is reported as it arrives (with every row so far). */
export async function loadAccountPages(
  account: TokenAccount,
  { scan, current, step, now, bounds = LOAD_BOUNDS }: LoadOptions,
): Promise<void> {
  const started = now();
  let rows: AccountTokenRow[] = [];
  const seen = new Set<string>();
  let offset: number | null = 0;
  for (let pages = 1; offset !== null; pages += 1) {
    const result = await scan(offset);
    if (!current()) return;
    if (!result.ok) return step({ kind: 'failed', result });
    const { next, capabilities } = result.value;
    // A row the server sent twice (a server that ignores the offset) is kept once.
    const fresh = fromColumns(result.value.tokens).filter((token) => !seen.has(token.id) && seen.add(token.id));
    // A new list only when the page added rows: the same one tells the screens nothing changed (an
    // account's last page is often empty), so they neither merge nor draw it again.
    if (fresh.length > 0) rows = [...rows, ...toRows(account, fresh.slice(0, bounds.rows - rows.length), capabilities)];
    const more = next !== null;
    const truncated = more && (rows.length >= bounds.rows || pages >= bounds.pages || now() - started >= bounds.ms || fresh.length === 0);
    offset = more && !truncated ? next : null;
    step({ kind: 'page', rows, done: offset === null, truncated, capabilities });
  }
}
