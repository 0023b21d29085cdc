/**
 * Aggregates deal records into per-narrative review figures: deals, wins, losses (split by competitor and
 * no decision), win rate with its Wilson interval, and a small-sample flag. One pass over the deals, no
 * allocation per deal beyond the counters, so 100,000 entries aggregate in a few milliseconds.
 */
import type { DealFacts } from '../domain/deal';
import { wilsonInterval, type RateInterval } from './wilson';

/** Below this many decided deals a win rate is shown with a warning. */
export const SMALL_SAMPLE = 10;

/** Review figures for one narrative. */
export interface NarrativeScore {
  narrativeId: string;
  deals: number;
  open: number;
  won: number;
  lost: number;
  lostToCompetitor: number;
  lostNoDecision: number;
  /** Deals lost where this narrative "fell flat". */
  lossesCitingIt: number;
  winRate: RateInterval;
  smallSample: boolean;
}

/** Which deals count. All fields optional; dates are ISO yyyy-mm-dd, inclusive. */
export interface ReviewFilter {
  persona?: string;
  stage?: string;
  competitor?: string;
  from?: string;
  to?: string;
}

/** True when a deal passes the filter. */
export function matchesFilter(deal: DealFacts, filter: ReviewFilter): boolean {
  if (filter.persona && deal.persona !== filter.persona) return false;
  if (filter.stage && deal.stage !== filter.stage) return false;
  if (filter.competitor && deal.competitor !== filter.competitor) return false;
  if (filter.from && deal.closeDate < filter.from) return false;
  if (filter.to && deal.closeDate > filter.to) return false;
  return true;
}

/** The running counts of one narrative's deals, finished into a NarrativeScore by `finishScore`. */
export interface ScoreCounter {
  deals: number;
  open: number;
  won: number;
  lostToCompetitor: number;
  lostNoDecision: number;
  lossesCitingIt: number;
}

/** A counter with nothing counted. */
export function emptyScoreCounter(): ScoreCounter {
  return { deals: 0, open: 0, won: 0, lostToCompetitor: 0, lostNoDecision: 0, lossesCitingIt: 0 };
}

/**
 * Counts one use of a narrative in a deal whose outcome is `outcome`, received as `reception`; `by` -1 takes
 * a counted use back out (a deal log patched for one edited deal, reviewTally.ts's `retally`).
 */
export function countScore(c: ScoreCounter, outcome: DealFacts['outcome'], reception: string, by: 1 | -1 = 1): void {
  c.deals += by;
  switch (outcome) {
    case 'won':
      c.won += by;
      break;
    case 'lost-competitor':
      c.lostToCompetitor += by;
      if (reception === 'fell-flat') c.lossesCitingIt += by;
      break;
    case 'lost-no-decision':
      c.lostNoDecision += by;
      if (reception === 'fell-flat') c.lossesCitingIt += by;
      break;
    case 'open':
      c.open += by;
      break;
  }
}

/** The review figures of a narrative's counts. */
export function finishScore(narrativeId: string, c: ScoreCounter): NarrativeScore {
  const lost = c.lostToCompetitor + c.lostNoDecision;
  const decided = c.won + lost;
  return {
    narrativeId,
    ...c,
    lost,
    winRate: wilsonInterval(c.won, decided),
    smallSample: decided < SMALL_SAMPLE,
  };
}

/** Scores every narrative mentioned in `deals` (optionally filtered), keyed by narrative id. */
export function scoreNarratives(deals: readonly DealFacts[], filter: ReviewFilter = {}): Map<string, NarrativeScore> {
  const counters = new Map<string, ScoreCounter>();
  const filtered = Object.values(filter).some((v) => v);
  for (const deal of deals) {
    if (filtered && !matchesFilter(deal, filter)) continue;
    for (const use of deal.narratives) {
      let c = counters.get(use.narrativeId);
      if (c === undefined) counters.set(use.narrativeId, (c = emptyScoreCounter()));
      countScore(c, deal.outcome, use.reception);
    }
  }
  const out = new Map<string, NarrativeScore>();
  for (const [narrativeId, c] of counters) out.set(narrativeId, finishScore(narrativeId, c));
  return out;
}

/**
 * Orders narratives by the lower bound of their win-rate interval — what we can claim with confidence —
 * rather than the raw rate, so 1 win out of 1 does not outrank 40 of 60. Ties: more decided deals first.
 */
export function rankNarratives(scores: Iterable<NarrativeScore>): NarrativeScore[] {
  return [...scores].sort(
    (a, b) =>
      b.winRate.low - a.winRate.low || b.won + b.lost - (a.won + a.lost) || a.narrativeId.localeCompare(b.narrativeId),
  );
}
