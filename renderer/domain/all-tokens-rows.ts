// What the All tokens view knows about one token: the token as its account's list shows it, and
// which account it belongs to. Pure functions over these rows: filters, search, sort, state.
import type { Language, ServerCapabilities, TokenSummary } from '../../preload/contract.ts';
import { hostOf } from './host.ts';
import { compareTexts, sortKey } from './sort-key.ts';
import { parseServerTime } from './token-time.ts';

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
  /** What the account's server can do, as main knew when it sent the token: which of its facts exist. */
  capabilities: ServerCapabilities;
  /** Read once when the row is made: filters, search and sort over 20,000 rows never parse a date or URL again. */
  facts: RowFacts;
}

export interface RowFacts {
  /** Token name, creator, account email and host, lower-cased, one per line: what the search looks in. */
  text: string;
  /** The server's host as the user knows it (`nocodb.example.com`). */
  host: string;
  /** Email and host: what the account column sorts by. */
  accountLabel: string;
  /** Sort keys of the name ('' when untitled), the account label and the email (see sort-key.ts); null: the collator decides. */
  nameKey: string | null;
  accountKey: string | null;
  emailKey: string | null;
  /** ms; Infinity for "never expires"; undefined where the server has no expiry (or sent no readable time). */
  expiresAt: number | undefined;
  /** ms; -Infinity for "never used"; undefined where the server does not say (0.301.3 does not track use). */
  lastUsedAt: number | undefined;
}

export const rowKey = (accountId: string, tokenId: string) => `${accountId}\u0000${tokenId}`;

/** A time the server tracks (`tracked`): null is its "never"; undefined where it does not track it. */
function timeOf(tracked: boolean, text: string | null | undefined, never: number): number | undefined {
  if (!tracked) return undefined;
  return text === null || text === undefined ? never : (parseServerTime(text) ?? undefined);
}

export function toRows(account: TokenAccount, tokens: readonly TokenSummary[], capabilities: ServerCapabilities): AccountTokenRow[] {
  const host = hostOf(account.serverUrl);
  const accountLabel = `${account.email} ${host}`;
  const accountKey = sortKey(accountLabel);
  const emailKey = sortKey(account.email);
  return tokens.map((token) => ({
    key: rowKey(account.accountId, token.id),
    account,
    token,
    capabilities,
    facts: {
      text: [token.name, token.creator, account.email, host]
        .filter((part) => part)
        .join('\n')
        .toLowerCase(),
      host,
      accountLabel,
      nameKey: sortKey(token.name ?? ''),
      accountKey,
      emailKey,
      expiresAt: timeOf(capabilities.hasExpiry, token.expiry, Infinity),
      lastUsedAt: timeOf(capabilities.tracksLastUse, token.lastUsedAt, -Infinity),
    },
  }));
}

export const DAY = 24 * 3600_000;
export const EXPIRING_DAYS = 30;
export const UNUSED_DAYS = 90;

export type TokenFilter = 'all' | 'expired' | 'expiring' | 'disabled' | 'unused' | 'others';
export const TOKEN_FILTERS: readonly TokenFilter[] = ['all', 'expired', 'expiring', 'disabled', 'unused', 'others'];

export type TokenState = 'active' | 'expired' | 'disabled';

export function isExpired({ facts }: AccountTokenRow, now: number): boolean {
  return facts.expiresAt !== undefined && facts.expiresAt <= now;
}

/** Not expired yet, and stops working within `days` days from now. */
export function expiresWithin({ facts }: AccountTokenRow, now: number, days: number): boolean {
  return facts.expiresAt !== undefined && facts.expiresAt > now && facts.expiresAt <= now + days * DAY;
}

/** Never used or last used 90 days ago or longer — only where the server tells (today's servers). */
export function isUnused({ facts }: AccountTokenRow, now: number): boolean {
  return facts.lastUsedAt !== undefined && facts.lastUsedAt <= now - UNUSED_DAYS * DAY;
}

/** A token someone else made (a super admin on 0.301.3 sees every user's). */
export function isByOther({ account, token }: AccountTokenRow): boolean {
  return token.creator !== null && token.creator.trim().toLowerCase() !== account.email.trim().toLowerCase();
}

export function stateOf(row: AccountTokenRow, now: number): TokenState {
  if (row.token.enabled === false) return 'disabled';
  return isExpired(row, now) ? 'expired' : 'active';
}

export function matchesFilter(row: AccountTokenRow, filter: TokenFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'expired':
      return isExpired(row, now);
    case 'expiring':
      return expiresWithin(row, now, EXPIRING_DAYS);
    case 'disabled':
      // Switched off on its server (April 2026 images and later).
      return row.token.enabled === false;
    case 'unused':
      return isUnused(row, now);
    case 'others':
      return isByOther(row);
  }
}

export type SortKey = 'name' | 'account' | 'lastUsed' | 'expires';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** One collator per language: names sort as the app's language sorts them, not as the system's does. */
const collators = new Map<Language, Intl.Collator>();

function collatorFor(language: Language): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) collators.set(language, (collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })));
  return collator;
}

/**
 * The value a row sorts by; undefined when the server does not say (sorted last either way).
 * A token never used sorts before every use (-Infinity); one that never expires after every expiry.
 */
function sortValue({ token, facts }: AccountTokenRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'name':
      return token.name ?? undefined;
    case 'account':
      return facts.accountLabel;
    case 'lastUsed':
      return facts.lastUsedAt;
    case 'expires':
      return facts.expiresAt;
  }
}

/** The order of a sort in the app's language: rows without the value go last in both directions. */
export function rowOrder({ key, direction }: SortOrder, language: Language): (a: AccountTokenRow, b: AccountTokenRow) => number {
  const { compare } = collatorFor(language);
  // Names and accounts compare by the keys made with the row; the collator only for texts without one.
  const compareValues = (a: AccountTokenRow, va: string | number, b: AccountTokenRow, vb: string | number): number => {
    if (typeof va === 'number' && typeof vb === 'number') return va === vb ? 0 : va < vb ? -1 : 1;
    return key === 'name'
      ? compareTexts(String(va), a.facts.nameKey, String(vb), b.facts.nameKey, compare)
      : compareTexts(String(va), a.facts.accountKey, String(vb), b.facts.accountKey, compare);
  };
  // Ties go by name, then account, then key: a total order, so sorting in pieces gives the same list.
  const tie = (a: AccountTokenRow, b: AccountTokenRow): number =>
    compareTexts(a.token.name ?? '', a.facts.nameKey, b.token.name ?? '', b.facts.nameKey, compare) ||
    compareTexts(a.account.email, a.facts.emailKey, b.account.email, b.facts.emailKey, compare) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const sign = direction === 'ascending' ? 1 : -1;
  const order = (a: AccountTokenRow, b: AccountTokenRow): number => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === undefined || vb === undefined) return va === vb ? tie(a, b) : va === undefined ? 1 : -1;
    return sign * compareValues(a, va, b, vb) || tie(a, b);
  };
  // Most comparisons of a name or account sort are two different keys: answered here without the
  // steps above, which merging page after page into 20,000 rows ran hundreds of thousands of times.
  const keyOf = key === 'name' ? nameKeyOf : key === 'account' ? accountKeyOf : null;
  if (keyOf === null) return order;
  return (a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === null || kb === null) return order(a, b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    // Equal values (one token name in many accounts) go to the tie: name, email, row, here by keys too.
    const { nameKey: na, emailKey: ea } = a.facts;
    const { nameKey: nb, emailKey: eb } = b.facts;
    if (na === null || nb === null || ea === null || eb === null) return tie(a, b);
    if (na !== nb) return na < nb ? -1 : 1;
    if (ea !== eb) return ea < eb ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

/** A titled row's name key (an untitled one sorts last, which only the full order knows). */
const nameKeyOf = ({ token, facts }: AccountTokenRow) => (token.name === null ? null : facts.nameKey);
const accountKeyOf = ({ facts }: AccountTokenRow) => facts.accountKey;

/** A sorted copy, in the order of the app's language. */
export function sortRows(rows: readonly AccountTokenRow[], sort: SortOrder, language: Language): AccountTokenRow[] {
  return [...rows].sort(rowOrder(sort, language));
}

/** Each list's search texts side by side, built once per list: a scan of 20,000 strings in a row is several times faster than reaching each through its row. */
const searchTexts = new WeakMap<readonly AccountTokenRow[], string[]>();

function textsOf(rows: readonly AccountTokenRow[]): string[] {
  let texts = searchTexts.get(rows);
  if (!texts) searchTexts.set(rows, (texts = rows.map((row) => row.facts.text)));
  return texts;
}

/**
 * The rows that pass the filter and the search (case-insensitive, in token name, creator, account
 * email or server host), in the order given (sort once, filter per keystroke).
 */
export function filterRows(rows: readonly AccountTokenRow[], filter: TokenFilter, query: string, now: number): readonly AccountTokenRow[] {
  const needle = query.trim().toLowerCase();
  if (filter === 'all' && needle === '') return rows;
  const texts = textsOf(rows);
  const shown: AccountTokenRow[] = [];
  for (let index = 0; index < rows.length; index += 1)
    if (texts[index]!.includes(needle) && matchesFilter(rows[index]!, filter, now)) shown.push(rows[index]!);
  return shown;
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
  for (const row of rows) {
    if (isExpired(row, now)) counts.expired += 1;
    if (expiresWithin(row, now, EXPIRING_DAYS)) counts.expiring += 1;
    if (isUnused(row, now)) counts.unused += 1;
  }
  return counts;
}
