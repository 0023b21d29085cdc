/**
 * The best few records of each kind while a query's matches are counted: the palette shows six per kind and
 * the number of the rest, so nothing is sorted or kept beyond that, however many records match.
 */
import type { Expansion } from './scoreQuery';
import type { SearchKind } from './searchQuery';

/** Records matching a query, best first within each kind (at most `perKind` kept per kind). */
export interface Matches {
  byKind: Map<SearchKind, { slots: number[]; scores: number[]; total: number; best: number }>;
  total: number;
  /** Each query word's index terms, to tell which of them a kept record holds. */
  expansions: Expansion[][];
}

/** No matches yet. */
export function newMatches(expansions: Expansion[][]): Matches {
  return { byKind: new Map(), total: 0, expansions };
}

/** Counts a match and keeps it when it is among its kind's best `perKind` (earlier ones first on ties). */
export function keepMatch(matches: Matches, kind: SearchKind, slot: number, score: number, perKind: number): void {
  let group = matches.byKind.get(kind);
  if (!group) matches.byKind.set(kind, (group = { slots: [], scores: [], total: 0, best: score }));
  matches.total++;
  group.total++;
  if (score > group.best) group.best = score;
  const { slots, scores } = group;
  if (slots.length >= perKind && score <= scores[slots.length - 1]!) return;
  let at = slots.length;
  while (at > 0 && scores[at - 1]! < score) at--;
  slots.splice(at, 0, slot);
  scores.splice(at, 0, score);
  if (slots.length > perKind) {
    slots.pop();
    scores.pop();
  }
}

/** Number of bits set: how many distinct query words a record matched. */
export function popCount(mask: number): number {
  let n = mask >>> 0;
  let count = 0;
  while (n !== 0) {
    n &= n - 1;
    count++;
  }
  return count;
}
