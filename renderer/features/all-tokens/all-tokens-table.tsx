import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SortKey, SortOrder } from './all-tokens-rows.ts';

/** Every row is this tall (CSS keeps it so), which lets the table render only the rows in view. */
export const ROW_HEIGHT = 56;
/**
 * Rows rendered above and below the view, so Tab and the arrow keys find the next row already there.
 * Few: a search keystroke mounts every row in range, and each row drawn costs the typing its time.
 */
const OVERSCAN = 3;
/** Before the first layout (and in jsdom, which has none) the view is assumed this tall. */
const FALLBACK_VIEW = 800;

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
}

/**
 * A real table (caption, header cells, aria-rowcount) that renders only the rows in view plus a few:
 * spacer rows above and below keep the scroll height. Rows have one fixed height, so a few lines of
 * arithmetic do what a virtualisation library would, without a dependency.
 */
export function VirtualTable({ caption, columns, sort, onSort, count, renderRow }: Props) {
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
  const [start, end] = visibleRange(view.top, view.height, count);
  const rows: ReactNode[] = [];
  for (let index = start; index < end; index += 1) rows.push(renderRow(index, index + 2));

  return (
    <div className="all-tokens-scroll" ref={scroller}>
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
