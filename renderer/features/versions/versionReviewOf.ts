/**
 * A narrative's review per version, made once per (its deals, the versions) and kept while both live.
 * The table under the review's chart attributes every deal of the narrative to a version: 1–4 ms for the
 * ~2,000 deals a narrative has in a 20,000-deal log, paid again on every opening of the review and every
 * switch back to a narrative. Warmed in the background (one narrative per task) while the review is closed,
 * the opening finds it made.
 */
import type { VersionMeta } from '@shared/collab/versions';
import type { DealEntry } from '@shared/domain/deal';
import { patchedFromPrevious } from '@shared/collab/dealLineage';
import { buildVersionReview, patchVersionReview, type NarrativeVersionReview } from '@shared/stats/versionReview';
import { runInTasks, type TaskScheduler } from '../../platform/nextTask';

type Deals = readonly DealEntry[];
type Versions = readonly VersionMeta[];

const made = new WeakMap<Deals, WeakMap<Versions, Map<string, NarrativeVersionReview>>>();

/** `buildVersionReview(narrativeId, deals, versions)`, the same object while `deals` and `versions` are. */
export function versionReviewOf(narrativeId: string, deals: Deals, versions: Versions): NarrativeVersionReview {
  let perVersions = made.get(deals);
  if (!perVersions) made.set(deals, (perVersions = new WeakMap()));
  let perNarrative = perVersions.get(versions);
  if (!perNarrative) perVersions.set(versions, (perNarrative = new Map()));
  let review = perNarrative.get(narrativeId);
  if (!review) perNarrative.set(narrativeId, (review = patched(narrativeId, deals, versions)));
  return review;
}

/**
 * The table of a narrative's deals that differ from a list made before only by deals edited in place (the
 * review's per-narrative lists record it, see dealMemo.ts): that list's table patched for the edited deals,
 * when it was made; otherwise made afresh.
 */
function patched(narrativeId: string, deals: Deals, versions: Versions): NarrativeVersionReview {
  return (
    patchedFromPrevious(
      deals,
      (previous) => made.get(previous)?.get(versions)?.get(narrativeId),
      (before, changes) => patchVersionReview(before, narrativeId, changes, versions),
    ) ?? buildVersionReview(narrativeId, deals, versions)
  );
}

/**
 * Makes the review per version of each of `narrativeIds`, one narrative per task, from the deals
 * `dealsOf` gives it (the very arrays the review will pass, so the opening is a cache hit). Returns a
 * canceller (call it when the deals or the versions change, or the review opens, before it is done).
 */
export function warmVersionReviews(
  narrativeIds: readonly string[],
  dealsOf: (narrativeId: string) => Deals,
  versions: Versions,
  schedule?: TaskScheduler,
): () => void {
  const steps = narrativeIds.map((id) => () => {
    const deals = dealsOf(id);
    if (deals.length > 0) versionReviewOf(id, deals, versions);
  });
  return runInTasks(steps, schedule);
}
