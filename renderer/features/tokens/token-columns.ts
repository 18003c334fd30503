import type { ServerCapabilities } from '../../../preload/contract.ts';

/** The optional columns: shown where the account's server tracks their data (today's servers; not 0.301.3). */
export interface TokenColumns {
  lastUsed: boolean;
  expires: boolean;
}

export function tokenColumns(capabilities: ServerCapabilities | undefined): TokenColumns {
  return { lastUsed: capabilities?.tracksLastUse === true, expires: capabilities?.hasExpiry === true };
}
