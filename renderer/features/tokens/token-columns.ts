import type { TokenSummary } from '../../../preload/contract.ts';

/** The optional columns: shown only when this server sends their data (today's servers; not 0.301.3). */
export interface TokenColumns {
  lastUsed: boolean;
  expires: boolean;
}

export function tokenColumns(tokens: TokenSummary[]): TokenColumns {
  return {
    lastUsed: tokens.some((token) => token.lastUsedAt !== undefined),
    expires: tokens.some((token) => token.expiry !== undefined),
  };
}
