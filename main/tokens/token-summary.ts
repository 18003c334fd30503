// What the token service answers the renderer: a row as a summary (never its value), and the
// failures it words for the user.
import type { ServerCapabilities, TokenSummary, TokenValueSource } from '../../preload/contract.ts';
import { AppFailure, toAppError } from '../app-error.ts';
import type { ApiTokenRow } from '../nocodb/types.ts';

export function toSummary(row: ApiTokenRow, source: TokenValueSource, can: ServerCapabilities): TokenSummary {
  const { id, name, creator, createdAt, prefix, expiry, lastUsedAt, enabled } = row;
  const summary: TokenSummary = { id, name, creator, createdAt, valueSource: source, prefix };
  // Only what the server tracks, so the renderer can tell "no data on this server" from "never".
  if (can.hasExpiry) summary.expiry = expiry ?? null;
  if (can.tracksLastUse) summary.lastUsedAt = lastUsedAt ?? null;
  if (enabled !== undefined) summary.enabled = enabled;
  return summary;
}

export const unknownToken = () =>
  new AppFailure('not_found', 'This token is no longer in the list. Refresh the list and try again.', { reason: 'token' });

export const copiesNotRemoved = (error: unknown) => {
  const { code, message, params } = toAppError(error);
  return new AppFailure(code, `The token copies in the keychain could not be removed. ${message}`, {
    ...params,
    reason: 'copies_not_removed',
  });
};
