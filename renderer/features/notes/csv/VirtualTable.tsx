/**
 * A table that renders only the rows in view (`@tanstack/react-virtual`), so a 20,000-row preview or
 * override list costs a few dozen DOM rows. Rows have one fixed height (cells are one line, cut with an
 * ellipsis and the full text in a tooltip); the grid's columns are given as CSS grid tracks. ARIA table
 * roles with row indexes keep it a table for assistive technology.
 */
import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useItemKey } from '../../../ui/useItemKey';

/** Props of VirtualTable. */
export interface VirtualTableProps<T> {
  label: string;
  items: readonly T[];
  /** Column headings, in order. */
  columns: readonly string[];
  /** CSS grid-template-columns of header and rows. */
  tracks: string;
  /** The cells of one row (one element per column). */
  renderRow: (item: T, index: number) => ReactNode;
  rowClass?: (item: T) => string | undefined;
  rowKey: (item: T) => string | number;
  /** Height of the scrolling area in px. */
  height: number;
  testId?: string;
  empty?: ReactNode;
}

const ROW_HEIGHT = 30;

/** A virtualized table; see the file comment. */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { items, tracks } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const getItemKey = useItemKey(items, props.rowKey);
  // The virtualizer is read afresh on every render (scroll re-renders this component), which is what the
  // compiler warning is about; nothing memoizes values taken from it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey,
  });
  return (
    <div
      className="vtable"
      role="table"
      aria-label={props.label}
      aria-rowcount={items.length + 1}
      data-testid={props.testId}
    >
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row" style={{ gridTemplateColumns: tracks }}>
          {props.columns.map((c) => (
            <span key={c} role="columnheader">
              {c}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="vtable-scroll"
        style={{ maxHeight: props.height }}
        // The scrolling body is the table's row group, so its name and focus (for keyboard scrolling) sit on
        // an element the table role allows as a child.
        role="rowgroup"
        tabIndex={0}
        aria-label={`${props.label}, scrollable`}
      >
        {items.length === 0 && props.empty}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]!;
            const extra = props.rowClass?.(item);
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 2}
                className={extra ? `vtable-row ${extra}` : 'vtable-row'}
                style={{ gridTemplateColumns: tracks, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                {props.renderRow(item, row.index)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** One cell: one line, cut with an ellipsis, the full text in its tooltip. */
export function Cell({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span role="cell" className="vtable-cell" title={title ?? (typeof children === 'string' ? children : undefined)}>
      {children}
    </span>
  );
}
