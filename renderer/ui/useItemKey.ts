/**
 * A virtualizer's `getItemKey` that keeps its identity while the items do. `@tanstack/react-virtual` lays out
 * every item again whenever `getItemKey` is a new function, and an inline arrow is new on every render: a
 * 20,000-row list re-measured all its rows on each scroll frame and each progress tick of an import.
 */
import { useCallback, useRef } from 'react';

/** `(index) => keyOf(items[index])`, the same function until `items` changes; `keyOf` may change freely. */
export function useItemKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
): (index: number) => string | number {
  const latest = useRef(keyOf);
  latest.current = keyOf;
  return useCallback((index: number) => latest.current(items[index]!), [items]);
}
