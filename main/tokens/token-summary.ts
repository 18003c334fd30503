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

export const unsafeHost = () =>
  new AppFailure(
    'invalid_argument',
    'This account’s server name has characters a terminal could run as a command, so the app gives no example for it. Sign in with the server’s plain address.',
    { reason: 'unsafe_host' },
  );

export const unsafeValue = (target: string) =>
  new AppFailure('invalid_argument', 'This token holds characters that cannot be written safely in this example, so nothing was copied.', {
    reason: 'unsafe_value',
    target,
  });

export const copiesNotRemoved = (error: unknown) => {
  const { code, message, params } = toAppError(error);
  return new AppFailure(code, `The token copies in the keychain could not be removed. ${message}`, {
    ...params,
    reason: 'copies_not_removed',
  });
};
