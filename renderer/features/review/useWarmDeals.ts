/**
 * The deal log as an open review should show it. A large log that changes while the review is open (an
 * import publishes it every few seconds, a colleague's sync) is handed to the review only once its
 * derivations are memoised, one per task (warmReview): rendering the review on a new log of 20,000 deals
 * computed them all in one render, a 300–600 ms task per publish on a busy machine. Meanwhile the review
 * keeps showing the log before the change, a few tasks longer. One person's edit of the log shown (deals
 * edited in place, keeping what the indexes read) is shown at once: its figures are patched from the shown
 * log's at the cost of the edited deals (reviewData.ts, `patchesCheaply`).
 */
import { useEffect, useState } from 'react';
import type { DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { patchesCheaply, warmReview } from './reviewData';
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
  // The log shown, and whether it was shown patched (then its filters' derivations are still to come).
  const [warm, setWarm] = useState({ deals, patched: false });
  const small = deals.length <= WARM_ABOVE;
  // One person's edit of the log shown (an outcome, a note): its figures are patched from the shown log's.
  const patched = !small && warm.deals !== deals && patchesCheaply(deals, warm.deals);
  useEffect(() => {
    if (warm.deals === deals) return;
    // Kept in step, so a log that grows past the threshold (or is edited next) starts from this one.
    if (small || patched) {
      setWarm({ deals, patched });
      return;
    }
    return warmReview(narratives, deals, localToday(), undefined, () => setWarm({ deals, patched: false }));
  }, [narratives, deals, warm, small, patched]);
  // What the review did not ask for while rendering a patched log (the filters' indexes and tallies) is
  // patched too, in the background, so that the next edit and the next filter find it. A log shown after
  // warmReview has all of it already.
  useEffect(() => {
    if (!warm.patched) return;
    return warmReview(narratives, warm.deals, localToday());
  }, [narratives, warm]);
  return small || patched ? { deals, pending: false } : { deals: warm.deals, pending: warm.deals !== deals };
}
