/**
 * Warms the review per version of every narrative (versionReviewOf.ts) while the review is closed and the
 * deal log is read, so that opening the review, or switching to another narrative in it, finds each table
 * made. Restarted when the deals or the versions change; stopped when the review opens (it then makes what
 * it shows itself).
 */
import { useEffect } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import type { DealEntry } from '@shared/domain/deal';
import { warmVersionReviews } from './versionReviewOf';

/** Options of useWarmVersionReviews. */
export interface WarmVersionReviewsOptions {
  /** False while the review is open or the deal log is still being read. */
  enabled: boolean;
  narrativeIds: readonly string[];
  /** The deal log the review will show. */
  deals: readonly DealEntry[];
  /** The deals of one narrative, as the review hands them to the table (the same arrays). */
  dealsOf: (deals: readonly DealEntry[], narrativeId: string) => readonly DealEntry[];
  versions: readonly VersionMeta[];
}

/** Starts the background warm whenever its inputs change; cancels it on the next change or unmount. */
export function useWarmVersionReviews({ enabled, narrativeIds, deals, dealsOf, versions }: WarmVersionReviewsOptions) {
  useEffect(() => {
    if (!enabled || deals.length === 0) return;
    return warmVersionReviews(narrativeIds, (id) => dealsOf(deals, id), versions);
  }, [enabled, narrativeIds, deals, dealsOf, versions]);
}
