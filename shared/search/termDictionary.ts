/**
 * The index's words, kept sorted so that prefix matching is two binary searches and typo matching walks the
 * sorted list like a trie: neighbouring words share their beginnings, so the edit-distance rows of a shared
 * beginning are computed once, and a beginning already too far from the query skips every word under it.
 */

/** Sorts after every string that starts with the same prefix (UTF-16 code units compare below it). */
const AFTER = '\uffff';

/** Index of the first term ≥ `key` in the sorted `terms`. */
export function lowerBound(terms: readonly string[], key: string, from = 0): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list of distinct terms (no duplicates), grown one term at a time. */
export class TermDictionary {
  /** Terms added since the list was last sorted (merged in before the next lookup). */
  private pending: string[] = [];

  /** `sorted` must be sorted by code units and free of duplicates (as `terms` returns it). */
  constructor(private sorted: readonly string[] = []) {}

  /** The terms in order (not a copy: do not change it). */
  get terms(): readonly string[] {
    if (this.pending.length > 0) this.merge();
    return this.sorted;
  }

  /** Adds a term not yet present (a build adds tens of thousands: they are sorted in once, when next read). */
  insert(term: string): void {
    this.pending.push(term);
  }

  private merge(): void {
    const added = this.pending.sort();
    this.pending = [];
    const old = this.sorted;
    const out = new Array<string>(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < added.length) out[k++] = old[i]! < added[j]! ? old[i++]! : added[j++]!;
    while (i < old.length) out[k++] = old[i++]!;
    while (j < added.length) out[k++] = added[j++]!;
    this.sorted = out;
  }

  /** Every term that starts with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const terms = this.terms;
    const start = lowerBound(terms, prefix);
    return terms.slice(start, lowerBound(terms, prefix + AFTER, start));
  }

  /**
   * Every term within `maxDistance` edits (insertions, deletions, substitutions) of `query`, with its
   * distance. `limit` caps how many are returned: a typo rarely has more than a few honest neighbours.
   */
  withinDistance(query: string, maxDistance: number, limit = 64): { term: string; distance: number }[] {
    const out: { term: string; distance: number }[] = [];
    const n = query.length;
    const width = n + 1;
    const far = maxDistance + 1; // "out of reach": every cell outside the band counts as this
    const maxRows = n + maxDistance; // a longer term is more than maxDistance away
    const codes = new Uint16Array(n);
    for (let j = 0; j < n; j++) codes[j] = query.charCodeAt(j);
    // rows[r * width + j]: distance between the term's first r characters and the query's first j, computed
    // only in the band |r - j| <= maxDistance (Ukkonen): cells outside it can never come back within reach.
    const rows = new Uint16Array((maxRows + 1) * width).fill(far);
    for (let j = 0; j <= Math.min(n, maxDistance); j++) rows[j] = j;
    const terms = this.terms;
    let previous = '';
    let valid = 0; // rows 0..valid hold `previous`'s beginning
    let i = 0;
    while (i < terms.length && out.length < limit) {
      const term = terms[i]!;
      let r = 0;
      const shared = Math.min(valid, term.length, previous.length);
      while (r < shared && term.charCodeAt(r) === previous.charCodeAt(r)) r++;
      let pruned = -1;
      const last = Math.min(term.length, maxRows);
      for (let row = r + 1; row <= last; row++) {
        const code = term.charCodeAt(row - 1);
        const at = row * width;
        const above = at - width;
        const lo = Math.max(1, row - maxDistance);
        const hi = Math.min(n, row + maxDistance);
        rows[at + lo - 1] = lo === 1 ? row : far;
        if (hi < n) rows[at + hi + 1] = far;
        let best = lo === 1 ? row : far;
        for (let j = lo; j <= hi; j++) {
          let value = rows[above + j - 1]! + (codes[j - 1] === code ? 0 : 1);
          const up = rows[above + j]! + 1;
          if (up < value) value = up;
          const left = rows[at + j - 1]! + 1;
          if (left < value) value = left;
          if (value > far) value = far;
          rows[at + j] = value;
          if (value < best) best = value;
        }
        if (best > maxDistance) {
          pruned = row;
          break;
        }
      }
      previous = term;
      if (pruned >= 0) {
        // No term that starts like this one's first `pruned` characters can come within reach.
        valid = pruned - 1;
        i = lowerBound(terms, term.slice(0, pruned) + AFTER, i + 1);
        continue;
      }
      valid = last;
      if (term.length > maxRows) {
        // Every term that starts with these characters is as long, so as far away.
        i = lowerBound(terms, term.slice(0, maxRows + 1) + AFTER, i + 1);
        continue;
      }
      const distance = rows[term.length * width + n]!;
      if (distance <= maxDistance) out.push({ term, distance });
      i++;
    }
    return out;
  }
}
