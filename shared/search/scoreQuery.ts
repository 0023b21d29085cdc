/**
 * Scoring a query against the inverted index: each query word expands to the index terms it matches
 * (itself, the terms it begins when it is the word being typed, the terms a typo away), every posting of
 * those terms adds its BM25+ score to its record in a typed array, and a bit per query word records which
 * words a record matched. Nothing is allocated per matching record, so a word found in thousands of records
 * costs a few loops over numbers. The formula and weights are MiniSearch's defaults (BM25+ with k 1.2,
 * b 0.7, d 0.5; prefix matches weigh 0.375, typo matches 0.45, both less the further they are), so results
 * rank as they did when MiniSearch was the engine.
 */
import { FIELD_COUNT, postingCount, postingField, type InvertedIndex } from './InvertedIndex';

/** One query word and how loosely it may match. */
export interface WordSpec {
  term: string;
  prefix: boolean;
  /** Edits allowed (0: exact). */
  fuzzy: number;
}

/** An index term a query word matched, with how much a match of it counts. */
export interface Expansion {
  term: string;
  weight: number;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** At most this many terms a typo away per word: a typo rarely has more honest neighbours. */
const MAX_FUZZY_TERMS = 64;
/** Distinct query words that count (a longer query's further words are ignored). */
export const MAX_QUERY_WORDS = 32;

/** The index terms a query word matches: itself, then the terms it begins, then those a typo away. */
export function expand(index: InvertedIndex, spec: WordSpec): Expansion[] {
  const out: Expansion[] = [{ term: spec.term, weight: 1 }];
  const seen = new Set([spec.term]);
  if (spec.prefix)
    for (const term of index.dictionary.withPrefix(spec.term)) {
      if (seen.has(term)) continue;
      seen.add(term);
      const distance = term.length - spec.term.length;
      out.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
    }
  if (spec.fuzzy > 0)
    for (const { term, distance } of index.dictionary.withinDistance(spec.term, spec.fuzzy, MAX_FUZZY_TERMS)) {
      if (seen.has(term)) continue;
      seen.add(term);
      out.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
    }
  return out;
}

/** Per-slot accumulators, reused from query to query (cleared through the list of touched slots). */
export class ScoreBoard {
  score = new Float64Array(0);
  mask = new Uint32Array(0);
  touched = new Int32Array(0);
  touchedCount = 0;

  /** Clears the last query's marks and makes room for `slots`. */
  reset(slots: number): void {
    if (this.score.length < slots) {
      const size = Math.max(slots, this.score.length * 2, 1024);
      this.score = new Float64Array(size);
      this.mask = new Uint32Array(size);
      this.touched = new Int32Array(size);
    } else
      for (let i = 0; i < this.touchedCount; i++) {
        const slot = this.touched[i]!;
        this.score[slot] = 0;
        this.mask[slot] = 0;
      }
    this.touchedCount = 0;
  }
}

/** Adds every live posting of `term` to the board, times `weight`, marking `bit`. */
export function scoreTerm(
  index: InvertedIndex,
  term: string,
  weight: number,
  boosts: Float64Array,
  bit: number,
  board: ScoreBoard,
): void {
  const { data, from, to } = index.listOf(term);
  if (from === to) return;
  // Document frequency per field, over live records (as MiniSearch counts it).
  const frequency = new Float64Array(FIELD_COUNT);
  for (let i = from; i < to; i += 2) if (index.isLive(data[i]!)) frequency[postingField(data[i + 1]!)]!++;
  const total = index.documentCount;
  const idf = new Float64Array(FIELD_COUNT);
  const average = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) {
    idf[f] = Math.log(1 + (total - frequency[f]! + 0.5) / (frequency[f]! + 0.5));
    average[f] = index.averageLength(f);
  }
  const { score, mask, touched } = board;
  for (let i = from; i < to; i += 2) {
    const slot = data[i]!;
    if (!index.isLive(slot)) continue;
    const value = data[i + 1]!;
    const field = postingField(value);
    const count = postingCount(value);
    const norm = 1 - B + (B * index.fieldLength(slot, field)) / average[field]!;
    const raw = idf[field]! * (D + (count * (K + 1)) / (count + K * norm));
    if (mask[slot] === 0) touched[board.touchedCount++] = slot;
    score[slot]! += weight * boosts[field]! * raw;
    mask[slot]! |= bit;
  }
}

/** True when the sorted pairs `data[from..to)` hold `slot`. */
export function listHas(data: Uint32Array, from: number, to: number, slot: number): boolean {
  let lo = from / 2;
  let hi = to / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = data[mid * 2]!;
    if (at === slot) return true;
    if (at < slot) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
