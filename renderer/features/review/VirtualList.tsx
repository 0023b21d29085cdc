/**
 * A list that renders only the rows on screen (plus a few either side), so a review of 20,000 deals keeps
 * a few hundred DOM elements instead of 280,000. Rows are measured as they render (cards differ in height).
 *
 * What assistive technology and the keyboard get: the rows sit in a `role="list"` whose `listitem`s carry
 * `aria-setsize` (all items) and `aria-posinset` (this one's place), so a screen reader announces "item 3 of
 * 20,000" although only a few exist in the DOM. The scroll box takes focus (Tab) and scrolls with the arrow
 * and page keys; inside a row, Arrow Up/Down, Home and End move to the previous, next, first and last row —
 * scrolling it into view and focusing its first control (or the row itself) — so every row is reachable.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useItemKey } from '../../ui/useItemKey';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Props of VirtualList. */
export interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  /** A typical row height in px (rows are measured once rendered). */
  estimateSize: number;
  renderItem: (item: T, index: number) => ReactNode;
  /** The list's accessible name. */
  label: string;
  /** Class of the scroll box (its height comes from CSS: a max-height, or a flex size). */
  className: string;
  /** Space between rows in px. */
  gap?: number;
  testId?: string;
  /**
   * Rows first appear in the task after the first paint (the box already has their estimated height). For a
   * list beside other new content: measuring rows forces the browser to lay out everything rendered with
   * them, and doing both in one task made opening the review one long task.
   */
  deferRows?: boolean;
}

const FOCUSABLE = 'button, [href], summary, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** False until the frame after the first render has painted, when `defer`; true at once otherwise. */
function useAfterFirstPaint(defer: boolean): boolean {
  const [painted, setPainted] = useState(!defer);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before the paint; the task it schedules runs after it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}

/** The list. */
export function VirtualList<T>({
  items,
  getKey,
  estimateSize,
  renderItem,
  label,
  className,
  gap = 0,
  testId,
  deferRows = false,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const live = useAfterFirstPaint(deferRows);
  const listRef = useRef<HTMLDivElement>(null);
  const getItemKey = useItemKey(items, getKey);
  // The virtualizer re-renders this component on scroll by itself; no compiler memoisation is wanted here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey,
    // Two rows either side: rows are tall (cards of ~120 px), so two cover a fast wheel's frame, and each
    // extra row is one more card rendered and measured on every filter (a 20,000-deal filter renders a
    // screenful where 200 deals may hold four).
    overscan: 2,
    gap,
    enabled: live,
  });
  // While not live the virtualizer measures nothing: the box takes the rows' estimated height, so the
  // layout does not move when they arrive.
  const height = live ? virtualizer.getTotalSize() : items.length * (estimateSize + gap);

  const focusRow = (index: number, attempt = 0): void => {
    if (attempt === 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    // The row renders on the frame after the scroll; a few frames at most.
    if (!row) {
      if (attempt < 10) requestAnimationFrame(() => focusRow(index, attempt + 1));
      return;
    }
    (row.querySelector<HTMLElement>(FOCUSABLE) ?? row).focus({ preventScroll: attempt > 0 });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(row.dataset.index);
    const target =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null;
    if (target === null || target < 0 || target >= items.length) return;
    event.preventDefault();
    focusRow(target);
  };

  return (
    <div ref={scrollRef} className={`virtual-scroll ${className}`} tabIndex={0} data-testid={testId}>
      <div
        ref={listRef}
        role="list"
        aria-label={label}
        className="virtual-list"
        style={{ height }}
        onKeyDown={handleKeyDown}
      >
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            role="listitem"
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            data-index={row.index}
            tabIndex={-1}
            className="virtual-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderItem(items[row.index]!, row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
