/**
 * The review's derivations, memoised per input across renders and mounts: closing and reopening the review,
 * or going from a filter back to All, finds its figures already computed. Inputs are compared by identity —
 * the deal log (LiveDeals) and the narratives reading hand out a new array only when something changed.
 */
import { replacementOf } from '@shared/collab/dealLineage';
import type { DealEntry, DealFacts } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { matchesFilter, type ReviewFilter } from '@shared/stats/narrativeReview';
import { reviewFromTally, summaryFromTally, type DealSummary, type PlaybookReview } from '@shared/stats/playbookReview';
import {
  emptyReviewTally,
  retally,
  retallyByField,
  singleFieldFilter,
  tallyByField,
  tallyDeals,
  type ReviewTally,
  type TallyField,
} from '@shared/stats/reviewTally';
import {
  choosePeriodUnit,
  finishAttention,
  winRateOverTime,
  type PeriodRate,
  type PeriodUnit,
} from '@shared/stats/narrativeTrends';
import {
  keeps,
  measured,
  memoizeRecent,
  menuKey,
  narrativeKey,
  perDeals,
  perObject,
  perObjectAndDay,
  replacedInLists,
} from './dealMemo';
import { runInTasks, timerTask, type TaskScheduler } from '../../platform/nextTask';
import { warmDealFormats } from './reviewFormat';
import { filterOptions } from './reviewFilter';

type IndexedField = 'persona' | 'stage' | 'competitor';

/** The deals of each value of `field`, in log order. */
function indexBy(field: IndexedField): (deals: readonly DealEntry[]) => Map<string, DealEntry[]> {
  return perDeals(
    (deals) => {
      const index = new Map<string, DealEntry[]>();
      for (const deal of deals) {
        const list = index.get(deal[field]);
        if (list) list.push(deal);
        else index.set(deal[field], [deal]);
      }
      return index;
    },
    // A deal whose value changed moves between lists, to its place in log order: computed afresh then.
    (index, changes) => (keeps(changes, (d) => d[field]) ? replacedInLists(index, changes, (d) => [d[field]]) : null),
  );
}

const INDEXES: Record<IndexedField, (deals: readonly DealEntry[]) => Map<string, DealEntry[]>> = {
  persona: indexBy('persona'),
  stage: indexBy('stage'),
  competitor: indexBy('competitor'),
};
const NONE: readonly DealEntry[] = [];

// Keyed by the filter's JSON, not its object: every mount of the review makes a new filter object.
const filterBy = memoizeRecent(
  measured((deals: readonly DealEntry[], key: string) => {
    const filter = JSON.parse(key) as ReviewFilter;
    // Start from the smallest list an index gives for the filter's fields, so a filter costs what it matches.
    let from = deals;
    for (const field of ['persona', 'stage', 'competitor'] as const) {
      const value = filter[field];
      if (!value) continue;
      const list = INDEXES[field](deals).get(value) ?? NONE;
      if (list.length < from.length) from = list;
    }
    return from.filter((d) => matchesFilter(d, filter));
  }),
  16,
);

/** The deals that pass `filter` (the very array `deals` when no filter is on), in the same order. */
export function dealsPassing(deals: readonly DealEntry[], filter: ReviewFilter): readonly DealEntry[] {
  const key = JSON.stringify(filter);
  if (key === '{}') return deals;
  // One field, one value: the index's list is exactly the deals that pass, in log order.
  const single = singleFieldFilter(filter);
  if (single) return INDEXES[single.field](deals).get(single.value) ?? NONE;
  return filterBy(deals, key);
}

/** The tallies of every value of a field, per deal log and day. */
function talliesBy(field: TallyField): (deals: readonly DealEntry[], today: string) => Map<string, ReviewTally> {
  return perObjectAndDay(
    measured((deals: readonly DealEntry[], today: string) => tallyByField(deals, field, today)),
    (byValue, changes, today) => retallyByField(byValue, field, changes, today),
  );
}

const TALLIES: Record<TallyField, (deals: readonly DealEntry[], today: string) => Map<string, ReviewTally>> = {
  persona: talliesBy('persona'),
  stage: talliesBy('stage'),
  competitor: talliesBy('competitor'),
};
const NO_TALLY = emptyReviewTally();

/** The tally of one field's value: what a one-field filter's review and summary are finished from. */
function tallyOf(deals: readonly DealEntry[], field: TallyField, value: string, today: string): ReviewTally {
  return TALLIES[field](deals, today).get(value) ?? NO_TALLY;
}

const reviewOfTally = memoizeRecent(
  measured((narratives: readonly NarrativeSummary[], tally: ReviewTally) => reviewFromTally(narratives, tally)),
  8,
);

/**
 * The ranked review of the deals that pass `filter`. A one-field filter is finished from that field's tally
 * of every value (computed once per deal log), so choosing a competitor costs the same at 200 deals and at
 * 100,000; other filters go through their deals.
 */
export function reviewFor(
  narratives: readonly NarrativeSummary[],
  deals: readonly DealEntry[],
  filter: ReviewFilter,
  today: string,
): PlaybookReview {
  const single = singleFieldFilter(filter);
  if (single) return reviewOfTally(narratives, tallyOf(deals, single.field, single.value, today));
  return reviewOf(narratives, dealsPassing(deals, filter), today);
}

/**
 * The playbook-wide figure of the deals that pass `filter` (all of them for `{}`), from the same tally as
 * their review: a one-field filter's from the field's tally, any other from the tally of its deals.
 */
export function summaryFor(deals: readonly DealEntry[], filter: ReviewFilter, today: string): DealSummary {
  const single = singleFieldFilter(filter);
  if (single) return summaryOfTally(tallyOf(deals, single.field, single.value, today));
  return summaryOfTally(tallyOfDeals(dealsPassing(deals, filter), today));
}

/** One summary object per tally, so a re-render with the same filter hands its readers the same figure. */
const summaryOfTally: (tally: ReviewTally) => DealSummary = perObject(summaryFromTally);

/** The deals that used each narrative, in log order. */
export const dealsByNarrative: (deals: readonly DealEntry[]) => Map<string, readonly DealEntry[]> = perDeals(
  (deals) => {
    const index = new Map<string, DealEntry[]>();
    for (const deal of deals)
      for (const use of deal.narratives) {
        const list = index.get(use.narrativeId);
        if (list) list.push(deal);
        else index.set(use.narrativeId, [deal]);
      }
    return index;
  },
  (index, changes) =>
    keeps(changes, narrativeKey)
      ? replacedInLists(index, changes, (d) => d.narratives.map((u) => u.narrativeId))
      : null,
);

/** The deals that used `narrativeId`, in log order ([] for none). */
export function dealsOf(deals: readonly DealEntry[], narrativeId: string): readonly DealEntry[] {
  return dealsByNarrative(deals).get(narrativeId) ?? NONE;
}

/** One narrative's win rate per period, of (already filtered) deals. */
export const seriesOf: (deals: readonly DealEntry[], narrativeId: string, unit: PeriodUnit) => PeriodRate[] =
  memoizeRecent(
    measured((deals, narrativeId, unit) => winRateOverTime(deals, narrativeId, unit)),
    16,
  );

/**
 * The counts of a set of deals (the whole log, or a filter's deals) as of `today`, one pass, per array: the
 * review is finished from them, and so are the governance's attention verdicts (`attentionOf`), so a new deal
 * log is walked once for both.
 */
const tallyOfDeals: (deals: readonly DealFacts[], today: string) => ReviewTally = perObjectAndDay(
  measured((deals: readonly DealFacts[], today: string) => tallyDeals(deals, today)),
  (tally, changes, today) => retally(tally, changes, today),
);

/** The ranked review of (already filtered) deals. */
export function reviewOf(
  narratives: readonly NarrativeSummary[],
  deals: readonly DealEntry[],
  today: string,
): PlaybookReview {
  return reviewOfTally(narratives, tallyOfDeals(deals, today));
}

/** The narratives a tally flags for attention. */
const attentionOfTally: (tally: ReviewTally) => ReadonlySet<string> = perObject((tally) => {
  const flagged = new Set<string>();
  for (const [narrativeId, t] of tally.narratives)
    if (finishAttention(narrativeId, t.attention)) flagged.add(narrativeId);
  return flagged;
});

/**
 * The narratives whose recent deals call for attention (exactly `needsAttention`'s verdicts), from the tally
 * the review is finished from: one pass over a new deal log serves both.
 */
export function attentionOf(deals: readonly DealFacts[], today: string): ReadonlySet<string> {
  return attentionOfTally(tallyOfDeals(deals, today));
}

/**
 * Whether the review's figures of `deals` are patched from those of `shown` at the cost of the edited deals:
 * `deals` is `shown` with deals edited in place (LiveDeals says so), keeping what the indexes, menus, chart
 * units and per-narrative lists read — an outcome, a reception, an amount or a note changed. A large log's
 * new version can then be shown at once instead of after a pass over every deal per derivation.
 */
export function patchesCheaply(deals: readonly DealEntry[], shown: readonly DealEntry[]): boolean {
  const made = replacementOf(deals);
  return made?.previous === shown && keeps(made.changes, (d) => `${menuKey(d)}\n${d.closeDate}\n${narrativeKey(d)}`);
}

/** The filter menus' values. */
export const optionsOf: (deals: readonly DealEntry[]) => ReturnType<typeof filterOptions> = perDeals(
  filterOptions,
  (options, changes) => (keeps(changes, menuKey) ? options : null),
);

/** Months or quarters for the chart, from the span of all deals. */
export const periodUnitOf: (deals: readonly DealEntry[]) => PeriodUnit = perDeals(
  (deals) => choosePeriodUnit(deals.map((d) => d.closeDate)),
  (unit, changes) => (keeps(changes, (d) => d.closeDate) ? unit : null),
);

/**
 * Computes what the review's first screen shows (the cards' formatters, menus and their indexes, summary,
 * ranking, the top narrative's chart) for `deals` unfiltered, one derivation per task, so that opening the
 * review later (or filtering it) finds it all memoised.
 * At 20,000 deals these derivations together took ~100 ms of the review's opening; each alone is 5–30 ms,
 * so warming them in the background never holds the window. Calls `onDone` (in the last step's task) once
 * all are memoised. Returns a canceller (call it when the deals or narratives change before it is done).
 */
export function warmReview(
  narratives: readonly NarrativeSummary[],
  deals: readonly DealEntry[],
  today: string,
  schedule: TaskScheduler = timerTask,
  onDone?: () => void,
): () => void {
  const steps: (() => void)[] = [
    // First: the cards' formatters, whose first use loads ICU's data (tens of ms) into the review's opening.
    // (Of a log edited in place, only the edited deals can bring a currency not seen before.)
    () => warmDealFormats(replacementOf(deals)?.changes.map((c) => c.after) ?? deals),
    () => optionsOf(deals),
    // The indexes a first filter starts from (each a pass over every deal).
    () => INDEXES.competitor(deals),
    () => INDEXES.persona(deals),
    () => INDEXES.stage(deals),
    // What a one-field filter's review and summary are finished from (each a pass over every deal).
    () => TALLIES.competitor(deals, today),
    () => TALLIES.persona(deals, today),
    () => TALLIES.stage(deals, today),
    () => dealsByNarrative(deals),
    () => periodUnitOf(deals),
    () => reviewOf(narratives, deals, today),
    () => {
      const top = reviewOf(narratives, deals, today).rows.find((r) => r.score);
      if (top) seriesOf(dealsOf(deals, top.narrativeId), top.narrativeId, periodUnitOf(deals));
    },
  ];
  return runInTasks(steps, schedule, onDone);
}
