import { describe, expect, it } from 'vitest';
import type { ApiTokenPage, ApiTokenRow } from '../../../main/nocodb/types.ts';
import { tokenPages, type FetchTokenPage } from '../../../main/tokens/token-pages.ts';

const rowsFrom = (offset: number, count: number): ApiTokenRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: String(offset + i),
    token: null,
    name: null,
    creator: null,
    createdAt: null,
    prefix: null,
  }));

/** A hostile server: every page is full, so another always seems to follow. */
const alwaysFull: FetchTokenPage = async ({ limit, offset }): Promise<ApiTokenPage> => ({ rows: rowsFrom(offset, limit), totalRows: 0 });

async function readAll(fetchPage: FetchTokenPage, options: Parameters<typeof tokenPages>[1]) {
  let pages = 0;
  let rows = 0;
  try {
    for await (const page of tokenPages(fetchPage, options)) {
      pages += 1;
      rows += page.rows.length;
    }
    return { pages, rows, error: null };
  } catch (error) {
    return { pages, rows, error: error as { code: string; params?: Record<string, unknown> } };
  }
}

describe('paging through a server that always answers a full page', () => {
  it('stops at the row bound and says the server sent more than expected', async () => {
    const { rows, error } = await readAll(alwaysFull, { limit: 10, bounds: { rows: 50, pages: 1000, ms: 60_000 } });
    expect(rows).toBe(50);
    expect(error).toMatchObject({ code: 'server_error', params: { reason: 'too_many_tokens' } });
  });

  it('stops at the page bound', async () => {
    const { pages, error } = await readAll(alwaysFull, { limit: 10, bounds: { rows: 1e9, pages: 7, ms: 60_000 } });
    expect(pages).toBe(7);
    expect(error).toMatchObject({ params: { reason: 'too_many_tokens' } });
  });

  it('stops at the time bound', async () => {
    let clock = 0;
    const slow: FetchTokenPage = async (query) => ((clock += 1_000), alwaysFull(query));
    const { pages, error } = await readAll(slow, { limit: 10, bounds: { rows: 1e9, pages: 1e9, ms: 3_000 }, now: () => clock });
    expect(pages).toBe(3);
    expect(error).toMatchObject({ params: { reason: 'too_many_tokens' } });
  });

  it('reads an honest server to its end', async () => {
    const honest: FetchTokenPage = async ({ limit, offset }) => ({
      rows: rowsFrom(offset, Math.max(0, Math.min(limit, 25 - offset))),
      totalRows: 25,
    });
    expect(await readAll(honest, { limit: 10 })).toEqual({ pages: 3, rows: 25, error: null });
  });
});
