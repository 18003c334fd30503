// What the Tokens tab's store holds for the account on screen, and the pure helpers over it.
import type { ServerCapabilities, TokenPage, TokenSummary, TokenTestResult } from '../../preload/contract.ts';
import { DEFAULT_EXPIRY_OPTION, NO_TOKEN_CAPABILITIES, type ExpiryOption } from '../features/tokens/token-expiry-choice.ts';
import type { Text } from '../i18n/index.ts';

export interface CreateRowState {
  open: boolean;
  draft: string;
  /** How long the new token works, where the server has expiry at creation (NocoDB's default: 90 days). */
  expiry: ExpiryOption;
  /** `YYYY-MM-DD` when `expiry` is a date. */
  expiryDate: string;
  saving: boolean;
  /** Inline message under the input: a validation problem or the server's refusal. */
  error: Text | null;
}

export interface DeleteState {
  token: TokenSummary;
  busy: boolean;
  error: Text | null;
}

export interface TokensData {
  /** The account whose tokens these are (the one on screen): every call names it. null: none shown. */
  accountId: string | null;
  rows: TokenSummary[];
  /** What the account's server offers (from its last list answer). */
  capabilities: ServerCapabilities;
  page: number;
  pageCount: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: Text | null;
  /** Kept on screen after a create even when the refreshed page does not hold it (or the refresh failed). */
  justCreated: TokenSummary | null;
  create: CreateRowState;
  busy: Record<string, 'reveal' | 'copy' | 'test' | 'switch'>;
  revealed: Record<string, string>;
  /** What the server made of each token the user tested on this page. */
  tested: Record<string, TokenTestResult>;
  /** The token the "Use it" panel under the table shows, if any. */
  usageFor: string | null;
  deleting: DeleteState | null;
}

export const CLOSED_CREATE: CreateRowState = {
  open: false,
  draft: '',
  expiry: DEFAULT_EXPIRY_OPTION,
  expiryDate: '',
  saving: false,
  error: null,
};

/** The data of a fresh, signed-out-safe store (nothing revealed, nothing typed). */
export function initialTokensData(accountId: string | null = null): TokensData {
  return {
    accountId,
    rows: [],
    capabilities: NO_TOKEN_CAPABILITIES,
    page: 1,
    pageCount: 1,
    status: 'idle',
    error: null,
    justCreated: null,
    create: CLOSED_CREATE,
    busy: {},
    revealed: {},
    tested: {},
    usageFor: null,
    deleting: null,
  };
}

/** The rows the table shows: the page, plus a just-created token that the page does not hold. */
export function visibleTokens(rows: TokenSummary[], justCreated: TokenSummary | null): TokenSummary[] {
  if (!justCreated || rows.some((r) => r.id === justCreated.id)) return rows;
  return [justCreated, ...rows];
}

/** `isLastPage` is trusted over `totalRows`, which NocoDB 0.301.3 counts across the whole instance. */
export function pageCountOf(page: TokenPage): number {
  if (page.isLastPage) return page.page;
  return Math.max(page.page + 1, Math.ceil(page.totalRows / page.pageSize));
}
