import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TokenSummary } from '../../../preload/contract.ts';
import {
  countsOf,
  DAY,
  matchesFilter,
  filterRows,
  sortRows,
  stateOf,
  toRows,
  type AccountTokenRow,
  type TokenAccount,
} from '../../../renderer/domain/all-tokens-rows.ts';
import { OLD_SERVER, TODAY_SERVER } from '../capabilities.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const iso = (time: number) => new Date(time).toISOString();

const ada: TokenAccount = { accountId: 'a1', email: 'ada@example.com', serverUrl: 'https://noco.example.com' };
const bob: TokenAccount = { accountId: 'b2', email: 'bob@other.org', serverUrl: 'http://127.0.0.1:8080' };

function token(id: string, extra: Partial<TokenSummary> = {}): TokenSummary {
  return { id, name: `token ${id}`, creator: null, createdAt: null, valueSource: 'none', prefix: null, ...extra };
}
/** Like main: a server whose rows say when tokens expire and were used is today's; one whose rows never do is 0.301.3. */
const serverOf = (summary: TokenSummary) => ('expiry' in summary || 'lastUsedAt' in summary ? TODAY_SERVER : OLD_SERVER);
const row = (account: TokenAccount, summary: TokenSummary): AccountTokenRow => toRows(account, [summary], serverOf(summary))[0]!;
const names = (rows: readonly AccountTokenRow[]) => rows.map((r) => r.token.name);

describe('filters at their boundary dates', () => {
  it('expired: at the expiry instant and before, not a millisecond later', () => {
    expect(matchesFilter(row(ada, token('1', { expiry: iso(NOW) })), 'expired', NOW)).toBe(true);
    expect(matchesFilter(row(ada, token('1', { expiry: iso(NOW - DAY) })), 'expired', NOW)).toBe(true);
    expect(matchesFilter(row(ada, token('1', { expiry: iso(NOW + 1) })), 'expired', NOW)).toBe(false);
    expect(matchesFilter(row(ada, token('1', { expiry: null })), 'expired', NOW)).toBe(false);
    expect(matchesFilter(row(ada, token('1')), 'expired', NOW)).toBe(false);
  });

  it('expires within 30 days: later than now, up to exactly 30 days ahead', () => {
    const at = (time: number) => matchesFilter(row(ada, token('1', { expiry: iso(time) })), 'expiring', NOW);
    expect(at(NOW)).toBe(false); // already expired
    expect(at(NOW + 1)).toBe(true);
    expect(at(NOW + 30 * DAY)).toBe(true);
    expect(at(NOW + 30 * DAY + 1)).toBe(false);
    expect(matchesFilter(row(ada, token('1', { expiry: null })), 'expiring', NOW)).toBe(false);
  });

  it('unused: never used, or last used 90 days ago or longer; nothing when the server does not track use', () => {
    const at = (lastUsedAt: string | null | undefined) =>
      matchesFilter(toRows(ada, [token('1', { lastUsedAt })], lastUsedAt === undefined ? OLD_SERVER : TODAY_SERVER)[0]!, 'unused', NOW);
    expect(at(null)).toBe(true);
    expect(at(iso(NOW - 90 * DAY))).toBe(true);
    expect(at(iso(NOW - 90 * DAY + 1))).toBe(false);
    expect(at(iso(NOW))).toBe(false);
    expect(at(undefined)).toBe(false); // 0.301.3 does not track use
  });

  it('made by other users: a creator that is not the account, case and spaces aside; unknown creator is not "other"', () => {
    expect(matchesFilter(row(ada, token('1', { creator: 'eve@example.com' })), 'others', NOW)).toBe(true);
    expect(matchesFilter(row(ada, token('1', { creator: ' ADA@example.com ' })), 'others', NOW)).toBe(false);
    expect(matchesFilter(row(ada, token('1', { creator: null })), 'others', NOW)).toBe(false);
  });

  it('disabled: a token switched off on its server, expired or not; a server that does not say is never "disabled"', () => {
    expect(matchesFilter(row(ada, token('1', { enabled: false })), 'disabled', NOW)).toBe(true);
    expect(matchesFilter(row(ada, token('1', { enabled: false, expiry: iso(NOW - DAY) })), 'disabled', NOW)).toBe(true);
    expect(matchesFilter(row(ada, token('1', { enabled: true })), 'disabled', NOW)).toBe(false);
    expect(matchesFilter(row(ada, token('1')), 'disabled', NOW)).toBe(false);
  });

  it('reads the SQLite time format 0.301.3 sends', () => {
    expect(matchesFilter(row(ada, token('1', { expiry: '2026-11-29 11:59:59+00:00' })), 'expired', NOW)).toBe(true);
  });

  it('states: Disabled wins over Expired; Active otherwise', () => {
    expect(stateOf(row(ada, token('1', { enabled: false, expiry: iso(NOW - DAY) })), NOW)).toBe('disabled');
    expect(stateOf(row(ada, token('1', { expiry: iso(NOW - DAY) })), NOW)).toBe('expired');
    expect(stateOf(row(ada, token('1', { expiry: null, enabled: true })), NOW)).toBe('active');
  });

  it('counts per account for the overview', () => {
    const rows = toRows(
      ada,
      [
        token('1', { expiry: iso(NOW - DAY), lastUsedAt: null }),
        token('2', { expiry: iso(NOW + DAY), lastUsedAt: iso(NOW) }),
        token('3', { expiry: null, lastUsedAt: iso(NOW - 100 * DAY) }),
      ],
      TODAY_SERVER,
    );
    expect(countsOf(rows, NOW)).toEqual({ total: 3, expired: 1, expiring: 1, unused: 2 });
  });
});

describe('search', () => {
  const rows = [
    row(ada, token('1', { name: 'CI deploy', creator: 'ada@example.com' })),
    row(bob, token('2', { name: 'Zapier', creator: 'carol@other.org' })),
  ];
  const find = (query: string) => names(filterRows(rows, 'all', query, NOW));

  it('matches token name, creator, account email and host, ignoring case and outer spaces', () => {
    expect(find('ci DEP')).toEqual(['CI deploy']);
    expect(find('carol')).toEqual(['Zapier']);
    expect(find('bob@')).toEqual(['Zapier']);
    expect(find('noco.example.com')).toEqual(['CI deploy']);
    expect(find('127.0.0.1:8080')).toEqual(['Zapier']);
    expect(find('  ')).toEqual(['CI deploy', 'Zapier']);
    expect(find('nothing like it')).toEqual([]);
  });

  it('does not match the scheme or the token id', () => {
    expect(find('https')).toEqual([]);
    expect(find('token 1')).toEqual([]);
  });
});

describe('sorting with missing dates', () => {
  const rows = [
    row(ada, token('never', { name: 'never used', lastUsedAt: null, expiry: null })),
    row(ada, token('old', { name: 'old', lastUsedAt: iso(NOW - 10 * DAY), expiry: iso(NOW + DAY) })),
    row(bob, token('unknown', { name: 'unknown' })), // 0.301.3: the server says nothing
    row(ada, token('new', { name: 'new', lastUsedAt: iso(NOW - DAY), expiry: iso(NOW + 10 * DAY) })),
  ];

  it('last used: never before every date ascending, after every date descending; unknown last both ways', () => {
    expect(names(sortRows(rows, { key: 'lastUsed', direction: 'ascending' }, 'en'))).toEqual(['never used', 'old', 'new', 'unknown']);
    expect(names(sortRows(rows, { key: 'lastUsed', direction: 'descending' }, 'en'))).toEqual(['new', 'old', 'never used', 'unknown']);
  });

  it('expires: never after every date ascending; unknown last both ways', () => {
    expect(names(sortRows(rows, { key: 'expires', direction: 'ascending' }, 'en'))).toEqual(['old', 'new', 'never used', 'unknown']);
    expect(names(sortRows(rows, { key: 'expires', direction: 'descending' }, 'en'))).toEqual(['never used', 'new', 'old', 'unknown']);
  });

  it('name: natural, case-insensitive order; untitled tokens last; ties by account', () => {
    const named = [
      row(bob, token('1', { name: 'token 10' })),
      row(ada, token('2', { name: null })),
      row(ada, token('3', { name: 'Token 9' })),
      row(ada, token('4', { name: 'token 10' })),
    ];
    const sorted = sortRows(named, { key: 'name', direction: 'ascending' }, 'en');
    expect(sorted.map((r) => r.token.id)).toEqual(['3', '4', '1', '2']);
  });

  it('name: in the app’s language, not the system’s (Spanish ñ is a letter after n; German ñ is an n)', () => {
    const named = [row(ada, token('1', { name: 'ñu' })), row(ada, token('2', { name: 'nz' }))];
    const byName = { key: 'name', direction: 'ascending' } as const;
    expect(names(sortRows(named, byName, 'es'))).toEqual(['nz', 'ñu']);
    expect(names(sortRows(named, byName, 'de'))).toEqual(['ñu', 'nz']);
  });

  it('name: rows with and without a precomputed key sort as the collator alone would', () => {
    const titles = ['ñu', 'nz', 'Nb', 'token 10', 'token 9', 'Émile', 'ea', 'e-b', 'token 09'];
    const named = titles.map((name, i) => row(ada, token(String(i), { name })));
    const { compare } = new Intl.Collator('es', { sensitivity: 'base', numeric: true });
    const expected = titles.map((name, i) => ({ name, i })).sort((a, b) => compare(a.name, b.name) || a.i - b.i);
    expect(names(sortRows(named, { key: 'name', direction: 'ascending' }, 'es'))).toEqual(expected.map((e) => e.name));
  });

  it('name and account, either way: the order the collator alone gives (untitled last, ties by name, email, then row)', () => {
    const accounts = [ada, bob, { accountId: 'c3', email: 'Ada@example.com', serverUrl: 'https://ñ.example' }];
    const nameArb = fc.option(fc.constantFrom('zapier', 'Zapier', 'ci 9', 'ci 10', 'ci 010', 'ñu', 'nz', 'e-b', 'ea', ''), { nil: null });
    const rowsArb = fc.array(fc.tuple(fc.nat(2), nameArb), { maxLength: 12 });
    const { compare } = new Intl.Collator('es', { sensitivity: 'base', numeric: true });
    const byKey = (a: AccountTokenRow, b: AccountTokenRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    const tie = (a: AccountTokenRow, b: AccountTokenRow) =>
      compare(a.token.name ?? '', b.token.name ?? '') || compare(a.account.email, b.account.email) || byKey(a, b);
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('name', 'account'), fc.constantFrom(1, -1), (drawn, key, sign) => {
        const listed = drawn.map(([account, name], i) => row(accounts[account]!, token(String(i), { name })));
        const valueOf = (r: AccountTokenRow) => (key === 'name' ? r.token.name : r.facts.accountLabel);
        const expected = [...listed].sort((a, b) => {
          const va = valueOf(a);
          const vb = valueOf(b);
          if (va === null || vb === null) return va === vb ? tie(a, b) : va === null ? 1 : -1;
          return sign * compare(va, vb) || tie(a, b);
        });
        const direction = sign === 1 ? 'ascending' : 'descending';
        expect(sortRows(listed, { key, direction }, 'es').map((r) => r.key)).toEqual(expected.map((r) => r.key));
      }),
    );
  });

  it('account: by email then host', () => {
    expect(sortRows(rows, { key: 'account', direction: 'descending' }, 'en')[0]!.account).toBe(bob);
  });

  it('does not change the rows it was given', () => {
    const before = rows.map((r) => r.key);
    sortRows(rows, { key: 'name', direction: 'descending' }, 'en');
    expect(rows.map((r) => r.key)).toEqual(before);
  });

  it('filter, search and sort together', () => {
    const shown = filterRows(sortRows(rows, { key: 'name', direction: 'ascending' }, 'en'), 'unused', 'a', NOW);
    expect(names(shown)).toEqual(['never used']);
  });
});
