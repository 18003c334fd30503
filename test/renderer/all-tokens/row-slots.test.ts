// Which element each row in view is drawn in: by place, so new rows reuse elements; except the
// focused row, whose element must never show another token.
import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../../renderer/features/all-tokens/all-tokens-table.tsx';

const keys = (...names: string[]) => names;

describe('row slots', () => {
  it('by place: a new set of rows reuses the same slots; scrolling by one row moves one slot', () => {
    expect(assignSlots(keys('a', 'b', 'c'), 0, null)).toEqual([0, 1, 2]);
    expect(assignSlots(keys('x', 'y', 'z'), 0, null)).toEqual([0, 1, 2]);
    expect(assignSlots(keys('b', 'c', 'd'), 1, null)).toEqual([1, 2, 3]);
  });

  it('the focused row keeps its slot where it moves; the row in its place takes the one it left', () => {
    expect(assignSlots(keys('b', 'a', 'c'), 0, { key: 'a', slot: 0 })).toEqual([1, 0, 2]);
  });

  it('when the focused row leaves the view, the row that would take its slot gets another element', () => {
    const slots = assignSlots(keys('x', 'y'), 0, { key: 'a', slot: 0 });
    expect(slots[0]).not.toBe(0);
    expect(new Set(slots).size).toBe(2);
  });
});
