/**
 * The "Needs review" list: narratives that are stale, changed since approved, or waiting for a storyteller,
 * most-cited-by-open-deals first — the ones a sales team is most likely pitching right now.
 */
import type { DealFacts } from '../domain/deal';
import type { GovernanceState, NarrativeGovernance, StaleReason } from './narrativeGovernance';

/** One narrative that needs a storyteller's look. */
export interface NeedsReviewItem {
  playbookId: string;
  playbookTitle: string;
  narrativeId: string;
  title: string;
  state: GovernanceState;
  stale: StaleReason[];
  /** Open deals that cite it. */
  openDeals: number;
}

/** Open deals per narrative id. */
export function openDealCounts(deals: readonly DealFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const deal of deals) {
    if (deal.outcome !== 'open') continue;
    const cited = new Set(deal.narratives.map((u) => u.narrativeId));
    for (const id of cited) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

/** True when a narrative belongs on the list. */
export function needsReview(g: NarrativeGovernance): boolean {
  return g.stale.length > 0 || g.state === 'changed' || g.state === 'in-review';
}

/** The items of one playbook (unsorted). */
export function needsReviewItems(
  playbook: { id: string; title: string },
  narratives: readonly { id: string; title: string; governance: NarrativeGovernance }[],
  openDeals: ReadonlyMap<string, number>,
): NeedsReviewItem[] {
  return narratives
    .filter((n) => needsReview(n.governance))
    .map((n) => ({
      playbookId: playbook.id,
      playbookTitle: playbook.title,
      narrativeId: n.id,
      title: n.title,
      state: n.governance.state,
      stale: n.governance.stale,
      openDeals: openDeals.get(n.id) ?? 0,
    }));
}

/** Most open deals first; then stale before merely changed or waiting; then by title. */
export function sortNeedsReview(items: readonly NeedsReviewItem[]): NeedsReviewItem[] {
  return [...items].sort(
    (a, b) =>
      b.openDeals - a.openDeals ||
      Number(b.stale.length > 0) - Number(a.stale.length > 0) ||
      a.title.localeCompare(b.title) ||
      a.narrativeId.localeCompare(b.narrativeId),
  );
}
