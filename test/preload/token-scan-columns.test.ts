import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TokenSummary, TokenValueSource } from '../../preload/contract.ts';
import { fromColumns, toColumns } from '../../preload/token-scan-columns.ts';

const text = fc.option(fc.string(), { nil: null });
const source = fc.constantFrom<TokenValueSource>('server', 'keychain', 'memory', 'none');
const base = { id: fc.string(), name: text, creator: text, createdAt: text, valueSource: source, prefix: text };
/** A page as main makes it: the optional fields are there for every token or for none (one server's capabilities). */
const page = fc.record({ expiry: fc.boolean(), lastUsed: fc.boolean(), enabled: fc.boolean() }).chain((has) =>
  fc.array(
    fc
      .record({
        ...base,
        ...(has.expiry ? { expiry: text } : {}),
        ...(has.lastUsed ? { lastUsedAt: text } : {}),
        ...(has.enabled ? { enabled: fc.boolean() } : {}),
      })
      .map((token) => ({ ...token }) as TokenSummary),
    { maxLength: 30 },
  ),
);

describe('a scan page as columns', () => {
  it('unpacks to the very summaries that were packed, optional fields present exactly where they were', () => {
    fc.assert(
      fc.property(page, (tokens) => {
        expect(fromColumns(toColumns(tokens))).toStrictEqual(tokens);
      }),
    );
  });

  it('keeps a token’s missing `enabled` missing when others on its page have one', () => {
    const said: TokenSummary = { id: '1', name: 'a', creator: null, createdAt: null, valueSource: 'none', prefix: null, enabled: false };
    const silent: TokenSummary = { id: '2', name: 'b', creator: null, createdAt: null, valueSource: 'none', prefix: null };
    expect(fromColumns(toColumns([said, silent]))).toStrictEqual([said, silent]);
  });

  it('sends a creator and a value source shared by the page once, and is far smaller than one object per token', () => {
    const tokens = Array.from({ length: 1000 }, (_, n): TokenSummary => ({
      id: String(n + 1),
      name: `zapier-${n + 1}`,
      creator: 'user0@acme.test',
      createdAt: '2026-12-07 08:00:30+00:00',
      valueSource: 'server',
      prefix: null,
    }));
    const columns = toColumns(tokens);
    expect(columns.creator.values).toEqual(['user0@acme.test']);
    expect(columns.valueSource.values).toEqual(['server']);
    expect(JSON.stringify(columns).length).toBeLessThan(JSON.stringify(tokens).length / 2);
  });
});
