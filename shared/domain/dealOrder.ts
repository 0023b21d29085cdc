/**
 * The order of a deal log: newest close date first, then newest entry, then id — total, so every list of
 * deals taken from a log in its order (a narrative's deals, a competitor's) is sorted the same way, and a
 * deal is found in any of them by binary search instead of a scan.
 */
import type { DealEntry } from './deal';

type Ordered = Pick<DealEntry, 'closeDate' | 'createdAt' | 'id'>;

/** Negative when `a` comes before `b` in a deal log, positive when after, 0 only for the same deal's facts. */
export function compareDeals(a: Ordered, b: Ordered): number {
  // Plain comparison: ISO dates sort as text, and localeCompare made sorting 20,000 deals ~60 ms.
  if (a.closeDate !== b.closeDate) return a.closeDate < b.closeDate ? 1 : -1;
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `deal` belongs in `sorted` (in log order): the first place whose deal does not come before it. */
export function insertionIndex<D extends Ordered>(sorted: readonly D[], deal: Ordered): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareDeals(sorted[mid]!, deal) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where `deal` (this very object) stands in `sorted`, a list in log order: found by binary search, and by a
 * scan only if the list is not in that order after all. -1 when it is not there.
 */
export function indexOfDeal<D extends Ordered>(sorted: readonly D[], deal: D): number {
  const at = insertionIndex(sorted, deal);
  return sorted[at] === deal ? at : sorted.indexOf(deal);
}
