// The sorter that keeps All tokens in order as pages arrive must give exactly the list a full sort
// gives, after any sequence of changes the store makes: a page appended, rows deleted, a rotated
// token put first, an account reloaded, added or removed, the sort changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TokenSummary } from '../../../preload/contract.ts';
import { OLD_SERVER, TODAY_SERVER } from '../capabilities.ts';
import { sortRows, toRows, type AccountTokenRow, type SortOrder, type TokenAccount } from '../../../renderer/domain/all-tokens-rows.ts';
import { createRowSorter, mergeSorted } from '../../../renderer/domain/row-sorter.ts';

const DAY = 24 * 3600_000;
const accountOf = (n: number): TokenAccount => ({
  accountId: `a${n}`,
  email: `user${n % 3}@example.com`,
  serverUrl: `https://s${n}.example.com`,
});

// Few distinct names and dates, so ties (equal names, equal dates, missing values) are common.
const tokenArb = fc.record({
  name: fc.option(fc.constantFrom('zapier', 'Zapier', 'ci 9', 'ci 10', 'n8n', 'éclair'), { nil: null }),
  expiry: fc.option(fc.option(fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 10, 1) + d * DAY).toISOString())), {
    nil: undefined,
  }),
  lastUsedAt: fc.option(fc.option(fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 9, 1) + d * DAY).toISOString())), {
    nil: undefined,
  }),
});
type TokenFields = { name: string | null; expiry?: string | null; lastUsedAt?: string | null };

const sortArb = fc.record({
  key: fc.constantFrom('name', 'account', 'lastUsed', 'expires'),
  direction: fc.constantFrom('ascending', 'descending'),
}) as fc.Arbitrary<SortOrder>;

const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), account: fc.nat(4), tokens: fc.array(tokenArb, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('prepend' as const), account: fc.nat(4), token: tokenArb }),
  fc.record({ kind: fc.constant('delete' as const), account: fc.nat(4), every: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('reload' as const), account: fc.nat(4), tokens: fc.array(tokenArb, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('drop' as const), account: fc.nat(4) }),
  fc.record({ kind: fc.constant('sort' as const), sort: sortArb }),
  fc.record({ kind: fc.constant('same' as const) }),
);

describe('the sorter kept up to date as pages arrive', () => {
  it('always equals a full sort of every row', () => {
    fc.assert(
      fc.property(sortArb, fc.array(stepArb, { maxLength: 25 }), (firstSort, steps) => {
        let next = 0;
        const made = (account: number, fields: TokenFields[]): AccountTokenRow[] =>
          toRows(
            accountOf(account),
            fields.map((f): TokenSummary => ({
              id: `t${next++}`,
              creator: null,
              createdAt: null,
              valueSource: 'none',
              prefix: null,
              ...f,
            })),
            // Half the accounts on servers without expiry or last use: their rows lack those values.
            account % 2 === 0 ? TODAY_SERVER : OLD_SERVER,
          );
        // The store's shape: one array per account, replaced (never changed in place) when it changes.
        let groups = new Map<number, AccountTokenRow[]>();
        let sort = firstSort;
        const sorter = createRowSorter();
        for (const step of steps) {
          const rows = 'account' in step ? (groups.get(step.account) ?? []) : [];
          if (step.kind === 'append') groups.set(step.account, [...rows, ...made(step.account, step.tokens)]);
          if (step.kind === 'prepend') groups.set(step.account, [...made(step.account, [step.token]), ...rows]);
          if (step.kind === 'delete')
            groups.set(
              step.account,
              rows.filter((_, i) => i % step.every !== 0),
            );
          if (step.kind === 'reload') groups.set(step.account, made(step.account, step.tokens));
          if (step.kind === 'drop') groups.delete(step.account);
          if (step.kind === 'sort') sort = step.sort;
          if (step.kind === 'same') groups = new Map(groups);
          const shown = sorter([...groups.values()], sort, 'en');
          expect(shown.map((r) => r.key)).toEqual(sortRows([...groups.values()].flat(), sort, 'en').map((r) => r.key));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands back the same list when nothing changed', () => {
    const groups = [
      toRows(accountOf(1), [{ id: '1', name: 'a', creator: null, createdAt: null, valueSource: 'none', prefix: null }], OLD_SERVER),
    ];
    const sorter = createRowSorter();
    const sort: SortOrder = { key: 'name', direction: 'ascending' };
    expect(sorter(groups, sort, 'en')).toBe(sorter([...groups], sort, 'en'));
  });

  it('hands back the same list when a group is a new list of the same rows (a page that added none)', () => {
    const rows = toRows(
      accountOf(1),
      [{ id: '1', name: 'a', creator: null, createdAt: null, valueSource: 'none', prefix: null }],
      OLD_SERVER,
    );
    const sorter = createRowSorter();
    const sort: SortOrder = { key: 'name', direction: 'ascending' };
    expect(sorter([rows], sort, 'en')).toBe(sorter([[...rows]], sort, 'en'));
  });

  it('merges two sorted lists, the first list first on equal rows', () => {
    const [a, b] = toRows(
      accountOf(1),
      [
        { id: '1', name: 'same', creator: null, createdAt: null, valueSource: 'none', prefix: null },
        { id: '2', name: 'same', creator: null, createdAt: null, valueSource: 'none', prefix: null },
      ],
      OLD_SERVER,
    );
    const equal = () => 0;
    expect(mergeSorted([a!], [b!], equal)).toEqual([a, b]);
    expect(mergeSorted([b!], [a!], equal)).toEqual([b, a]);
  });
});
