import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SortKey, SortOrder } from '../../domain/all-tokens-rows.ts';

/** Every row is this tall (CSS keeps it so), which lets the table render only the rows in view. */
export const ROW_HEIGHT = 56;
/**
 * Rows rendered above and below the view, so Tab and the arrow keys find the next row already there.
 * Few: a search keystroke mounts every row in range, and each row drawn costs the typing its time.
 */
const OVERSCAN = 3;
/** Before the first layout (and in jsdom, which has none) the view is assumed this tall. */
const FALLBACK_VIEW = 800;

/** More than the rows a window can ever show: the number of row elements recycled (see `assignSlots`). */
const SLOTS = 256;

/**
 * The element (slot) each row in view is drawn in. Rows are drawn in slots by their place, not by
 * their token: when a search or a sort changes the rows in view, the table fills the same elements
 * with new text instead of tearing rows down and building new ones (most of a keystroke's time),
 * and scrolling by one row moves one slot. The row holding the focus is the exception: it keeps
 * its slot wherever it goes, and when it leaves the view, the row that would take its slot gets a
 * new one — so the focused element never shows another token.
 */
export function assignSlots(keys: readonly string[], start: number, focus: RowFocus | null): number[] {
  const slots = keys.map((_, n) => (start + n) % SLOTS);
  if (focus === null) return slots;
  const at = keys.indexOf(focus.key);
  const taker = slots.indexOf(focus.slot);
  if (at === taker) return slots;
  if (taker !== -1) slots[taker] = at === -1 ? SLOTS + focus.slot : slots[at]!;
  if (at !== -1) slots[at] = focus.slot;
  return slots;
}

/** The row holding the focus and the slot its element is drawn in. */
export interface RowFocus {
  key: string;
  slot: number;
}

/** The rows [start, end) to render for a scroll position. */
export function visibleRange(scrollTop: number, viewHeight: number, count: number): [number, number] {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + (viewHeight || FALLBACK_VIEW)) / ROW_HEIGHT) + OVERSCAN);
  return [start, end];
}

export interface Column {
  id: string;
  label: ReactNode;
  className: string;
  sortKey?: SortKey;
}

interface Props {
  caption: string;
  columns: Column[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  count: number;
  /** Renders row `index` (0-based); given `ariaRowIndex` for screen readers, which see the whole count. */
  renderRow: (index: number, ariaRowIndex: number) => ReactNode;
  /** Row `index`'s identity (its token), which the focus follows. */
  keyOf: (index: number) => string;
}

/**
 * A real table (caption, header cells, aria-rowcount) that renders only the rows in view plus a few:
 * spacer rows above and below keep the scroll height. Rows have one fixed height, so a few lines of
 * arithmetic do what a virtualisation library would, without a dependency.
 */
export function VirtualTable({ caption, columns, sort, onSort, count, renderRow, keyOf }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);
  const [focus, setFocus] = useState<RowFocus | null>(null);
  const [start, end] = visibleRange(view.top, view.height, count);
  const keys = Array.from({ length: end - start }, (_, n) => keyOf(start + n));
  const slots = assignSlots(keys, start, focus);
  // What is on screen, for the focus handler to learn the focused element's slot.
  const drawn = useRef({ start, slots });
  useLayoutEffect(() => {
    drawn.current = { start, slots };
  });
  const rows = keys.map((_, n) => <Fragment key={slots[n]}>{renderRow(start + n, start + n + 2)}</Fragment>);

  return (
    <div
      className="all-tokens-scroll"
      ref={scroller}
      onFocus={(event) => {
        const index = Number((event.target as Element).closest('tbody [aria-rowindex]')?.getAttribute('aria-rowindex')) - 2;
        const slot = drawn.current.slots[index - drawn.current.start];
        setFocus(slot === undefined ? null : { key: keyOf(index), slot });
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocus(null);
      }}
    >
      <table className="all-tokens-table" aria-rowcount={count + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} className={column.className} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={column.sortKey === undefined ? undefined : sort.key === column.sortKey ? sort.direction : 'none'}
              >
                {column.sortKey === undefined ? (
                  column.label
                ) : (
                  <button type="button" className="sort-button" onClick={() => onSort(column.sortKey!)}>
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.key === column.sortKey ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns.length} style={{ height: start * ROW_HEIGHT }} />
            </tr>
          )}
          {rows}
          {end < count && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={columns.length} style={{ height: (count - end) * ROW_HEIGHT }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
