/**
 * A virtualizer's `getItemKey` that keeps its identity while the items' keys do. `@tanstack/react-virtual`
 * lays out every item again whenever `getItemKey` is a new function, and an inline arrow is new on every
 * render: a 20,000-row list re-measured all its rows on each scroll frame and each progress tick of an
 * import. A new array of items with the same keys in the same places (a deal edited in place: the review's
 * list is a copy with that one deal replaced) keeps the function too — laying out a narrative's 5,000 deals
 * again cost ~3 ms in the render that shows a saved deal; a row whose height changed is re-measured by the
 * virtualizer's own observer all the same.
 */
import { useRef } from 'react';

type KeyOf<T> = (item: T) => string | number;

/** Whether `a` and `b` have the same key at every index (the same item counts as the same key). */
function sameKeys<T>(a: readonly T[], b: readonly T[], keyOf: KeyOf<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && keyOf(a[i]!) !== keyOf(b[i]!)) return false;
  return true;
}

/**
 * `(index) => keyOf(items[index])` for the latest `items` and `keyOf`, the same function until an item's key
 * changes (added, removed, moved); `keyOf` may change freely.
 */
export function useItemKey<T>(items: readonly T[], keyOf: KeyOf<T>): (index: number) => string | number {
  const latest = useRef({ items, keyOf });
  const made = useRef<{ items: readonly T[]; getKey: (index: number) => string | number } | null>(null);
  latest.current = { items, keyOf };
  if (made.current === null || (made.current.items !== items && !sameKeys(made.current.items, items, keyOf)))
    made.current = { items, getKey: (index) => latest.current.keyOf(latest.current.items[index]!) };
  else made.current.items = items;
  return made.current.getKey;
}
