/**
 * The notes search: a haystack per deal, computed once per deal object and kept in a WeakMap. LiveDeals
 * keeps the object of every unchanged deal, so after a colleague edits one deal only that one is indexed
 * again; a keystroke only scans precomputed strings (20,000 deals: a few milliseconds).
 *
 * Text is folded the way the workspace search folds it (`normalizeTerm`: any case, no accents, so "cafe"
 * finds "Café"), and a query of several words finds the deals that contain each of them in any order
 * ("finance landed" finds "landed with finance") as well as the query as typed ("crm-12"). It stays a
 * substring search over the narrative's deals in memory — "tab" finds "Geotab" — rather than a query to the
 * workspace index, which ranks the top matches across playbooks in a worker: this list wants every match
 * among the deals on screen, at once.
 */
import { useEffect, useState } from 'react';
import type { DealEntry } from '@shared/domain/deal';
import { normalizeTerm, tokenize } from '@shared/search/searchText';

const haystacks = new WeakMap<DealEntry, string>();

/** The searchable text of a deal, folded: account, deal name, note, competitor, author, CRM id. */
export function searchText(deal: DealEntry): string {
  let text = haystacks.get(deal);
  if (text === undefined) {
    text = normalizeTerm([deal.account, deal.dealName, deal.note, deal.competitor, deal.author, deal.crmId].join('\n'));
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

/**
 * The deals whose text contains `query` as typed, or each of its words in any order (any case, no accents);
 * all of them for an empty query.
 */
export function searchDeals(deals: readonly DealEntry[], query: string): readonly DealEntry[] {
  const phrase = normalizeTerm(query.trim());
  if (!phrase) return deals;
  const words = tokenize(phrase);
  return deals.filter((d) => {
    const text = searchText(d);
    return text.includes(phrase) || (words.length > 1 && words.every((w) => text.includes(w)));
  });
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
