/**
 * How a narrative's win rate moves: per-period figures for the review's chart, and the "needs attention"
 * rule of the playbook ranking. Pure functions over DealFacts; dates are ISO yyyy-mm-dd strings, compared
 * as strings (they sort chronologically).
 */
import type { DealFacts } from '../domain/deal';
import { matchesFilter, type ReviewFilter } from './narrativeReview';
import { wilsonInterval, type RateInterval } from './wilson';

/** Days that count as "recent" for the attention rule. */
export const RECENT_DAYS = 90;
/** A recent win rate is compared only once this many recent deals are decided. */
export const RECENT_MIN_DECIDED = 3;
/** This many recent losses where the narrative fell flat flag it on their own. */
export const RECENT_CITING_LOSSES = 2;

/** Win rate of one period (a calendar month or quarter). */
export interface PeriodRate {
  /** "2026-03" for a month, "2026-Q1" for a quarter. */
  period: string;
  won: number;
  decided: number;
  winRate: RateInterval;
}

/** Period granularity of the chart. */
export type PeriodUnit = 'month' | 'quarter';

/** The period ("2026-03" or "2026-Q1") a yyyy-mm-dd date falls in. */
export function periodOf(date: string, unit: PeriodUnit): string {
  if (unit === 'month') return date.slice(0, 7);
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The period after `period` (to fill gaps, so the chart's x axis is time, not just data points). */
function nextPeriod(period: string, unit: PeriodUnit): string {
  const year = Number(period.slice(0, 4));
  if (unit === 'month') {
    const month = Number(period.slice(5, 7));
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  const quarter = Number(period.slice(6));
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/**
 * Decided deals of one narrative per period, oldest first, with empty periods in between (decided 0,
 * rate null). Open deals are left out: they have no outcome yet.
 */
export function winRateOverTime(
  deals: readonly DealFacts[],
  narrativeId: string,
  unit: PeriodUnit = 'month',
  filter: ReviewFilter = {},
): PeriodRate[] {
  const counts = new Map<string, { won: number; decided: number }>();
  for (const deal of deals) {
    if (deal.outcome === 'open' || !matchesFilter(deal, filter)) continue;
    if (!deal.narratives.some((u) => u.narrativeId === narrativeId)) continue;
    const key = periodOf(deal.closeDate, unit);
    const c = counts.get(key) ?? { won: 0, decided: 0 };
    c.decided++;
    if (deal.outcome === 'won') c.won++;
    counts.set(key, c);
  }
  if (counts.size === 0) return [];
  const keys = [...counts.keys()].sort();
  const out: PeriodRate[] = [];
  const last = keys[keys.length - 1]!;
  // Bounded: at most a few hundred periods even for decades of data; guards a hostile far-future date.
  for (let p = keys[0]!, n = 0; n < 1200; p = nextPeriod(p, unit), n++) {
    const c = counts.get(p) ?? { won: 0, decided: 0 };
    out.push({ period: p, ...c, winRate: wilsonInterval(c.won, c.decided) });
    if (p === last) break;
  }
  return out;
}

/** Picks months for spans up to two years, quarters beyond. */
export function choosePeriodUnit(dates: readonly string[]): PeriodUnit {
  if (dates.length === 0) return 'month';
  let min = dates[0]!;
  let max = dates[0]!;
  for (const d of dates) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const months =
    (Number(max.slice(0, 4)) - Number(min.slice(0, 4))) * 12 + Number(max.slice(5, 7)) - Number(min.slice(5, 7));
  return months > 24 ? 'quarter' : 'month';
}

/** Why a narrative needs attention. */
export type AttentionReason = 'recent-below-earlier' | 'recent-losses-cite-it';

/** The attention verdict of one narrative. */
export interface Attention {
  narrativeId: string;
  reasons: AttentionReason[];
  recent: RateInterval;
  earlier: RateInterval;
  recentDecided: number;
  recentLossesCitingIt: number;
}

/** `date` minus `days`, as yyyy-mm-dd (UTC). */
export function daysBefore(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Flags narratives whose recent deals (closed within `recentDays` up to `today`) go worse than before:
 * - the recent win rate (with at least RECENT_MIN_DECIDED decided deals) is below the lower bound of the
 *   Wilson interval of all earlier decided deals — the drop is larger than earlier noise explains; or
 * - at least RECENT_CITING_LOSSES recent losses say the narrative fell flat.
 * Returns only flagged narratives, keyed by id.
 */
export function needsAttention(
  deals: readonly DealFacts[],
  today: string,
  recentDays: number = RECENT_DAYS,
  filter: ReviewFilter = {},
): Map<string, Attention> {
  const since = daysBefore(today, recentDays);
  const counts = new Map<string, AttentionCounter>();
  for (const deal of deals) {
    if (!countsForAttention(deal, today) || !matchesFilter(deal, filter)) continue;
    for (const use of deal.narratives) {
      let c = counts.get(use.narrativeId);
      if (c === undefined) counts.set(use.narrativeId, (c = emptyAttentionCounter()));
      countAttention(c, deal, use.reception, since);
    }
  }
  const out = new Map<string, Attention>();
  for (const [narrativeId, c] of counts) {
    const attention = finishAttention(narrativeId, c);
    if (attention) out.set(narrativeId, attention);
  }
  return out;
}

/** The running counts behind one narrative's attention verdict (finished by `finishAttention`). */
export interface AttentionCounter {
  /** Recent wins and decided deals. */
  rw: number;
  rd: number;
  /** Earlier wins and decided deals. */
  ew: number;
  ed: number;
  /** Recent losses where the narrative fell flat. */
  cite: number;
}

/** A counter with nothing counted. */
export function emptyAttentionCounter(): AttentionCounter {
  return { rw: 0, rd: 0, ew: 0, ed: 0, cite: 0 };
}

/** Whether `deal` counts towards attention at all: decided, and closed by `today`. */
export function countsForAttention(deal: DealFacts, today: string): boolean {
  return deal.outcome !== 'open' && deal.closeDate <= today;
}

/**
 * Counts one use of a narrative in a deal that counts (`countsForAttention`); recent = closed after `since`.
 * `by` -1 takes a counted use back out.
 */
export function countAttention(
  c: AttentionCounter,
  deal: DealFacts,
  reception: string,
  since: string,
  by: 1 | -1 = 1,
): void {
  const won = deal.outcome === 'won';
  if (deal.closeDate > since) {
    c.rd += by;
    if (won) c.rw += by;
    else if (reception === 'fell-flat') c.cite += by;
  } else {
    c.ed += by;
    if (won) c.ew += by;
  }
}

/** The verdict of a narrative's counts: null when nothing calls for attention. */
export function finishAttention(narrativeId: string, c: AttentionCounter): Attention | null {
  const recent = wilsonInterval(c.rw, c.rd);
  const earlier = wilsonInterval(c.ew, c.ed);
  const reasons: AttentionReason[] = [];
  if (c.rd >= RECENT_MIN_DECIDED && c.ed > 0 && recent.rate !== null && recent.rate < earlier.low)
    reasons.push('recent-below-earlier');
  if (c.cite >= RECENT_CITING_LOSSES) reasons.push('recent-losses-cite-it');
  if (reasons.length === 0) return null;
  return { narrativeId, reasons, recent, earlier, recentDecided: c.rd, recentLossesCitingIt: c.cite };
}
