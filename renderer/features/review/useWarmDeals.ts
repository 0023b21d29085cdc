/**
 * The deal log as an open review should show it. A large log that changes while the review is open (an
 * import publishes it every few seconds, a colleague's sync) is handed to the review only once its
 * derivations are memoised, one per task (warmReview): rendering the review on a new log of 20,000 deals
 * computed them all in one render, a 300–600 ms task per publish on a busy machine. Meanwhile the review
 * keeps showing the log before the change, a few tasks longer.
 */
import { useEffect, useState } from 'react';
import type { DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { warmReview } from './reviewData';
import { localToday } from './reviewFilter';

/** Up to this many deals a new log is shown at once: deriving it costs a few milliseconds. */
export const WARM_ABOVE = 2_000;

/** What the review shows, and whether a newer log is still being derived. */
export interface WarmDeals {
  deals: readonly DealEntry[];
  /** True while `deals` is not yet the latest log. */
  pending: boolean;
}

/** `deals` once the review's derivations of it are memoised (at once when small). */
export function useWarmDeals(narratives: readonly NarrativeSummary[], deals: readonly DealEntry[]): WarmDeals {
  const [warm, setWarm] = useState(deals);
  const small = deals.length <= WARM_ABOVE;
  useEffect(() => {
    if (warm === deals) return;
    if (small) {
      // Kept in step, so a log that grows past the threshold starts from this one, not an older one.
      setWarm(deals);
      return;
    }
    return warmReview(narratives, deals, localToday(), undefined, () => setWarm(deals));
  }, [narratives, deals, warm, small]);
  return small ? { deals, pending: false } : { deals: warm, pending: warm !== deals };
}
