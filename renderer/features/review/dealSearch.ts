/**
 * The notes search: a lowercase haystack per deal, computed once per deal object and kept in a WeakMap.
 * LiveDeals keeps the object of every unchanged deal, so after a colleague edits one deal only that one is
 * indexed again; a keystroke only scans precomputed strings (20,000 deals: a few milliseconds).
 */
import { useEffect, useState } from 'react';
import type { DealEntry } from '@shared/domain/deal';

const haystacks = new WeakMap<DealEntry, string>();

/** The searchable text of a deal, lowercase: account, deal name, note, competitor, author, CRM id. */
export function searchText(deal: DealEntry): string {
  let text = haystacks.get(deal);
  if (text === undefined) {
    text = [deal.account, deal.dealName, deal.note, deal.competitor, deal.author, deal.crmId].join('\n').toLowerCase();
    haystacks.set(deal, text);
  }
  return text;
}

/** Deals indexed per slice while the browser is idle: a few milliseconds each. */
const WARM_SLICE = 1_000;

/**
 * Builds the search text of `deals` ahead of the first keystroke, a slice per idle period, so the first
 * search does not index thousands of deals at once. Returns the canceller.
 */
export function warmSearchIndex(deals: readonly DealEntry[]): () => void {
  let next = 0;
  let cancelled = false;
  const idle: (task: () => void) => () => void =
    typeof requestIdleCallback === 'function'
      ? (task) => {
          const id = requestIdleCallback(task, { timeout: 1_000 });
          return () => cancelIdleCallback(id);
        }
      : (task) => {
          const id = setTimeout(task, 0);
          return () => clearTimeout(id);
        };
  let cancel = (): void => undefined;
  const step = (): void => {
    if (cancelled) return;
    const end = Math.min(deals.length, next + WARM_SLICE);
    for (; next < end; next++) searchText(deals[next]!);
    if (next < deals.length) cancel = idle(step);
  };
  cancel = idle(step);
  return () => {
    cancelled = true;
    cancel();
  };
}

/** The deals whose text contains `query` (trimmed, any case); all of them for an empty query. */
export function searchDeals(deals: readonly DealEntry[], query: string): readonly DealEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return deals;
  return deals.filter((d) => searchText(d).includes(q));
}

/** How long the search waits for the next keystroke before it runs. */
export const SEARCH_DEBOUNCE_MS = 150;

/** `value`, `delay` ms after it last changed (an empty value at once: clearing shows everything at once). */
export function useDebouncedValue(value: string, delay: number = SEARCH_DEBOUNCE_MS): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === '') {
      setSettled('');
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
