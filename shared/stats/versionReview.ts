/**
 * The review of one narrative per version: for each version in which its words changed, the deals that
 * used it then, won and lost, the win rate with its Wilson interval — and the difference between two
 * versions with Newcombe's interval and a plain verdict.
 */
import type { VersionMeta } from '../collab/versions';
import type { DealFacts, NarrativeUse } from '../domain/deal';
import { narrativeAttributor } from '../versions/attribution';
import { differenceVerdict, newcombeInterval, type DifferenceInterval } from './newcombe';
import { wilsonInterval, type RateInterval } from './wilson';

/** One row: a version of the narrative (or the time before its first version). */
export interface VersionRow {
  /** Null for deals before the narrative's first version. */
  versionId: string | null;
  /** "v2", or "Before versions". */
  label: string;
  name: string;
  startedAt: number | null;
  deals: number;
  won: number;
  lostCompetitor: number;
  lostNoDecision: number;
  open: number;
  winRate: RateInterval;
  /** How many of the deals were attributed by close date (no version recorded when logged). */
  byCloseDate: number;
}

/** The comparison of two rows. */
export interface VersionDifference {
  newer: VersionRow;
  older: VersionRow;
  interval: DifferenceInterval | null;
  verdict: string;
}

/** A narrative's review per version. */
export interface NarrativeVersionReview {
  rows: VersionRow[];
}

type Deal = Pick<DealFacts, 'outcome' | 'closeDate'> & { narratives: readonly NarrativeUse[] };

function emptyRow(versionId: string | null, label: string, name: string, startedAt: number | null): VersionRow {
  return {
    versionId,
    label,
    name,
    startedAt,
    deals: 0,
    won: 0,
    lostCompetitor: 0,
    lostNoDecision: 0,
    open: 0,
    winRate: wilsonInterval(0, 0),
    byCloseDate: 0,
  };
}

/** Rows per version of `narrativeId`, oldest first; the "before versions" row only when it has deals. */
export function buildVersionReview(
  narrativeId: string,
  deals: readonly Deal[],
  versions: readonly VersionMeta[],
): NarrativeVersionReview {
  const rows = new Map<string | null, VersionRow>();
  let number = 0;
  for (const version of versions) {
    if (!version.changed.includes(narrativeId)) continue;
    number++;
    rows.set(version.id, emptyRow(version.id, `v${number}`, version.name, version.createdAt));
  }
  const before = emptyRow(null, 'Before versions', 'Deals before the first version', null);
  const attribute = narrativeAttributor(versions, narrativeId);
  for (const deal of deals) {
    const use = deal.narratives.find((u) => u.narrativeId === narrativeId);
    if (!use) continue;
    const { entry, basis } = attribute(use, deal.closeDate);
    const row = (entry && rows.get(entry.version.id)) ?? before;
    row.deals++;
    if (basis === 'close-date') row.byCloseDate++;
    if (deal.outcome === 'won') row.won++;
    else if (deal.outcome === 'lost-competitor') row.lostCompetitor++;
    else if (deal.outcome === 'lost-no-decision') row.lostNoDecision++;
    else row.open++;
  }
  const out = before.deals > 0 ? [before, ...rows.values()] : [...rows.values()];
  for (const row of out) {
    const decided = row.won + row.lostCompetitor + row.lostNoDecision;
    row.winRate = wilsonInterval(row.won, decided);
  }
  return { rows: out };
}

/** The difference newer − older, with Newcombe's interval and a verdict. */
export function compareVersionRows(newer: VersionRow, older: VersionRow): VersionDifference {
  const decided = (r: VersionRow): number => r.won + r.lostCompetitor + r.lostNoDecision;
  const interval = newcombeInterval(newer.won, decided(newer), older.won, decided(older));
  return { newer, older, interval, verdict: differenceVerdict(newer.label, interval) };
}
