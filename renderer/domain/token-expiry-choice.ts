// The create row's expiry choices, as NocoDB's own create dialog offers them (7, 30, 60, 90 days —
// the default — 1 year, a date), plus "No expiry" where the server allows it; and the choice a
// rotated token's successor gets: the old token's own length.
import {
  DEFAULT_EXPIRY_DAYS,
  EXPIRY_DAY_CHOICES,
  MAX_EXPIRY_DAYS,
  type ServerCapabilities,
  type TokenExpiryChoice,
  type TokenSummary,
} from '../../preload/contract.ts';
import { parseServerTime } from './token-time.ts';

/** A select's value: a number of days, a date, or no expiry. */
export type ExpiryOption = `${(typeof EXPIRY_DAY_CHOICES)[number]}` | 'date' | 'never';

export const DEFAULT_EXPIRY_OPTION = String(DEFAULT_EXPIRY_DAYS) as ExpiryOption;

const DAY = 24 * 3600_000;

export function expiryOptions(capabilities: Pick<ServerCapabilities, 'noExpiry'>): ExpiryOption[] {
  const days = EXPIRY_DAY_CHOICES.map((count) => String(count) as ExpiryOption);
  return capabilities.noExpiry ? [...days, 'date', 'never'] : [...days, 'date'];
}

/** The create call's expiry for the chosen option; null when a date is chosen but not given. */
export function expiryArgument(option: ExpiryOption, date: string): TokenExpiryChoice | undefined | null {
  if (option === 'never') return undefined;
  if (option === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : null;
  return { days: Number(option) };
}

/** `YYYY-MM-DD` of the day after `now`, in the user's time zone: the earliest date the picker offers. */
export function tomorrow(now: number): string {
  const next = new Date(now + DAY);
  return `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
}

/**
 * The successor's expiry: as many days as the old token was given (from its creation to its expiry).
 * A token that never expires gets none, as before; so does one on a server without expiry at creation.
 */
export function rotationExpiry(
  token: TokenSummary,
  capabilities: Pick<ServerCapabilities, 'expiryAtCreation'>,
): TokenExpiryChoice | undefined {
  if (!capabilities.expiryAtCreation || !token.expiry || !token.createdAt) return undefined;
  const expiry = parseServerTime(token.expiry);
  const created = parseServerTime(token.createdAt);
  if (expiry === null || created === null) return { days: DEFAULT_EXPIRY_DAYS };
  return { days: Math.min(MAX_EXPIRY_DAYS, Math.max(1, Math.round((expiry - created) / DAY))) };
}
