import { NO_CAPABILITIES, type ServerCapabilities } from '../../preload/contract.ts';

/** What main detects on a NocoDB 0.301.3 server, for a user who is not a super admin. */
export const OLD_SERVER = NO_CAPABILITIES;

/** What main detects on today's servers. */
export const TODAY_SERVER: ServerCapabilities = {
  showsTokenOnce: true,
  tracksLastUse: true,
  hasExpiry: true,
  revokesAtOnce: true,
  listsOthersTokens: false,
  expiryAtCreation: false,
  noExpiry: false,
  enableDisable: false,
};

/** What main detects on an image of April 2026 or later whose v3 tokens route is open. */
export const APRIL_2026_SERVER: ServerCapabilities = { ...TODAY_SERVER, expiryAtCreation: true, noExpiry: true, enableDisable: true };
