// What the All tokens view knows about one token: the token as its account's list shows it, and
// which account it belongs to. Pure functions over these rows: filters, search, sort, state.
import type { TokenSummary } from '../../../preload/contract.ts';
import { hostOf } from '../accounts/account-words.ts';
import { parseServerTime } from '../tokens/token-time.ts';

export interface TokenAccount {
  accountId: string;
  email: string;
  serverUrl: string;
}

export interface AccountTokenRow {
  /** Unique across accounts: token ids are unique only within one server. */
  key: string;
  account: TokenAccount;
  token: TokenSummary;
}

export const rowKey = (accountId: string, tokenId: string) => `${accountId}\u0000${tokenId}`;

export function toRows(account: TokenAccount, tokens: TokenSummary[]): AccountTokenRow[] {
  return tokens.map((token) => ({ key: rowKey(account.accountId, token.id), account, token }));
}

export const DAY = 24 * 3600_000;
export const EXPIRING_DAYS = 30;
export const UNUSED_DAYS = 90;

export type TokenFilter = 'all' | 'expired' | 'expiring' | 'unused' | 'others';
export const TOKEN_FILTERS: readonly TokenFilter[] = ['all', 'expired', 'expiring', 'unused', 'others'];

export type TokenState = 'active' | 'expired' | 'disabled';

const timeOf = (text: string | null | undefined): number | null => (text ? parseServerTime(text) : null);

export function isExpired(token: TokenSummary, now: number): boolean {
  const expiry = timeOf(token.expiry);
  return expiry !== null && expiry <= now;
}

/** Not expired yet, and stops working within `days` days from now. */
export function expiresWithin(token: TokenSummary, now: number, days: number): boolean {
  const expiry = timeOf(token.expiry);
  return expiry !== null && expiry > now && expiry <= now + days * DAY;
}

/** Never used or last used 90 days ago or longer — only where the server tells (today's servers). */
export function isUnused(token: TokenSummary, now: number): boolean {
  if (token.lastUsedAt === undefined) return false;
  if (token.lastUsedAt === null) return true;
  const used = parseServerTime(token.lastUsedAt);
  return used !== null && used <= now - UNUSED_DAYS * DAY;
}

/** A token someone else made (a super admin on 0.301.3 sees every user's). */
export function isByOther({ account, token }: AccountTokenRow): boolean {
  return token.creator !== null && token.creator.trim().toLowerCase() !== account.email.trim().toLowerCase();
}

export function stateOf(token: TokenSummary, now: number): TokenState {
  if (token.enabled === false) return 'disabled';
  return isExpired(token, now) ? 'expired' : 'active';
}

export function matchesFilter(row: AccountTokenRow, filter: TokenFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'expired':
      return isExpired(row.token, now);
    case 'expiring':
      return expiresWithin(row.token, now, EXPIRING_DAYS);
    case 'unused':
      return isUnused(row.token, now);
    case 'others':
      return isByOther(row);
  }
}

/** Case-insensitive match on token name, creator, account email or server host. */
export function matchesSearch({ account, token }: AccountTokenRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [token.name, token.creator, account.email, hostOf(account.serverUrl)].some((text) => text?.toLowerCase().includes(needle));
}

export type SortKey = 'name' | 'account' | 'lastUsed' | 'expires';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The value a row sorts by; undefined when the server does not say (sorted last either way).
 * A token never used sorts before every use; one that never expires after every expiry.
 */
function sortValue({ account, token }: AccountTokenRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'name':
      return token.name ?? undefined;
    case 'account':
      return `${account.email} ${hostOf(account.serverUrl)}`;
    case 'lastUsed':
      if (token.lastUsedAt === undefined) return undefined;
      return token.lastUsedAt === null ? -Infinity : (parseServerTime(token.lastUsedAt) ?? undefined);
    case 'expires':
      if (token.expiry === undefined) return undefined;
      return token.expiry === null ? Infinity : (parseServerTime(token.expiry) ?? undefined);
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/** A sorted copy; rows without the value go last in both directions, ties by name then account. */
export function sortRows(rows: readonly AccountTokenRow[], { key, direction }: SortOrder): AccountTokenRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const values = new Map(rows.map((row) => [row.key, sortValue(row, key)]));
  const tie = (a: AccountTokenRow, b: AccountTokenRow) =>
    collator.compare(a.token.name ?? '', b.token.name ?? '') || collator.compare(a.account.email, b.account.email);
  return [...rows].sort((a, b) => {
    const va = values.get(a.key);
    const vb = values.get(b.key);
    if (va === undefined || vb === undefined) return va === vb ? tie(a, b) : va === undefined ? 1 : -1;
    return sign * compareValues(va, vb) || tie(a, b);
  });
}

/** The rows that pass the filter and the search, in the order given (sort once, filter per keystroke). */
export function filterRows(rows: readonly AccountTokenRow[], filter: TokenFilter, query: string, now: number): AccountTokenRow[] {
  return rows.filter((row) => matchesFilter(row, filter, now) && matchesSearch(row, query));
}

/** An account's figures for the overview: every count links into All tokens with that filter. */
export interface AccountTokenCounts {
  total: number;
  expired: number;
  /** Not expired yet, expiring within 30 days. */
  expiring: number;
  unused: number;
}

export function countsOf(rows: readonly AccountTokenRow[], now: number): AccountTokenCounts {
  const counts = { total: rows.length, expired: 0, expiring: 0, unused: 0 };
  for (const { token } of rows) {
    if (isExpired(token, now)) counts.expired += 1;
    if (expiresWithin(token, now, EXPIRING_DAYS)) counts.expiring += 1;
    if (isUnused(token, now)) counts.unused += 1;
  }
  return counts;
}
