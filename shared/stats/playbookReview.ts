/**
 * The playbook-level review: every narrative of the playbook with its figures, ranked by the lower bound of
 * its win-rate interval, with the "needs attention" verdict. Narratives nobody has logged a deal for yet
 * follow in playbook order; deals that cite narratives no longer in the playbook are counted apart.
 */
import type { DealFacts } from '../domain/deal';
import { finishScore, rankNarratives, type NarrativeScore, type ReviewFilter } from './narrativeReview';
import { finishAttention, type Attention } from './narrativeTrends';
import { tallyDeals, type ReviewTally } from './reviewTally';
import { wilsonInterval, type RateInterval } from './wilson';

/** One narrative of the review. */
export interface ReviewRow {
  narrativeId: string;
  title: string;
  /** Null when no (filtered) deal used this narrative. */
  score: NarrativeScore | null;
  attention: Attention | null;
}

/** The whole review of a playbook. */
export interface PlaybookReview {
  rows: ReviewRow[];
  /** Scores of narrative ids that deals cite but the playbook no longer has (deleted narratives). */
  elsewhere: NarrativeScore[];
}

/** Builds the review of a playbook's narratives from its deals. `today` is yyyy-mm-dd. */
export function buildPlaybookReview(
  narratives: readonly { id: string; title: string }[],
  deals: readonly DealFacts[],
  filter: ReviewFilter,
  today: string,
): PlaybookReview {
  return reviewFromTally(narratives, tallyDeals(deals, today, filter));
}

/** The review of a playbook's narratives from the tally of its (filtered) deals (reviewTally.ts). */
export function reviewFromTally(
  narratives: readonly { id: string; title: string }[],
  tally: ReviewTally,
): PlaybookReview {
  const scores = new Map<string, NarrativeScore>();
  const attention = new Map<string, Attention>();
  for (const [narrativeId, t] of tally.narratives) {
    scores.set(narrativeId, finishScore(narrativeId, t.score));
    const verdict = finishAttention(narrativeId, t.attention);
    if (verdict) attention.set(narrativeId, verdict);
  }
  const titles = new Map(narratives.map((n) => [n.id, n.title]));
  const rows: ReviewRow[] = [];
  const elsewhere: NarrativeScore[] = [];
  for (const score of rankNarratives(scores.values())) {
    const title = titles.get(score.narrativeId);
    if (title === undefined) elsewhere.push(score);
    else
      rows.push({ narrativeId: score.narrativeId, title, score, attention: attention.get(score.narrativeId) ?? null });
  }
  for (const n of narratives)
    if (!scores.has(n.id)) rows.push({ narrativeId: n.id, title: n.title, score: null, attention: null });
  return { rows, elsewhere };
}

/** Playbook-wide figures: every deal counted once, whatever narratives it used. */
export interface DealSummary {
  deals: number;
  open: number;
  won: number;
  lost: number;
  winRate: RateInterval;
}

/**
 * The playbook-wide figure on top of the review, from a tally (`tallyDeals` of the deals that pass a filter,
 * or one value's tally of `tallyByField`): every deal counted once, whatever narratives it used.
 */
export function summaryFromTally(tally: ReviewTally): DealSummary {
  const lost = tally.deals - tally.open - tally.won;
  return {
    deals: tally.deals,
    open: tally.open,
    won: tally.won,
    lost,
    winRate: wilsonInterval(tally.won, tally.won + lost),
  };
}
