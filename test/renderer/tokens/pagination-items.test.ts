import { describe, expect, it } from 'vitest';
import { paginationItems } from '../../../renderer/features/tokens/pagination-items.ts';

describe('pagination items', () => {
  it('lists every page when there are few', () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps both ends and the current page’s neighbours, with gaps between', () => {
    expect(paginationItems(1, 10)).toEqual([1, 2, 3, 4, 5, 'gap-after', 10]);
    expect(paginationItems(5, 10)).toEqual([1, 'gap-before', 4, 5, 6, 'gap-after', 10]);
    expect(paginationItems(10, 10)).toEqual([1, 'gap-before', 6, 7, 8, 9, 10]);
  });

  it('always includes the current page, the first and the last, each once', () => {
    for (let count = 1; count <= 30; count++) {
      for (let current = 1; current <= count; current++) {
        const pages = paginationItems(current, count).filter((i) => typeof i === 'number');
        expect(pages).toContain(current);
        expect(pages[0]).toBe(1);
        expect(pages.at(-1)).toBe(count);
        expect(new Set(pages).size).toBe(pages.length);
        expect([...pages].sort((a, b) => a - b)).toEqual(pages);
      }
    }
  });
});
