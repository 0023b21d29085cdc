/**
 * A short excerpt of a text around the first matching word, cut into plain and highlighted parts. The
 * palette renders the parts as React text (never HTML), so user text cannot inject markup.
 */
import { isCjk, normalizeTerm } from './searchText';

/** One piece of a snippet; `hit` pieces are drawn highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII = /^[ -~\s]*$/;

/** Character ranges of `text` whose words match one of `terms` (whole word, or a word the term starts). */
export function matchRanges(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const wanted = terms.map(normalizeTerm).filter((t) => t.length > 0);
  if (wanted.length === 0) return [];
  const latin = wanted.filter((t) => !isCjk(t));
  const cjk = wanted.filter(isCjk);
  const ranges: { start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    // Most words are ASCII: lowercasing is all they need (NFKD per word is the slow part otherwise).
    const word = ASCII.test(match[0]) ? match[0].toLowerCase() : normalizeTerm(match[0]);
    if (latin.some((t) => word === t || (t.length >= 2 && word.startsWith(t))))
      ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const term of cjk) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length))
      ranges.push({ start: at, end: at + term.length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * The matches of an ASCII text, found only in the stretch of words around the first place a term occurs:
 * a result's body is hundreds of words and its snippet a few dozen. Null when that place is not a match
 * (the term inside a longer word), or the text or terms are not plain ASCII — then the whole text is read.
 */
function rangesNearFirst(
  flat: string,
  terms: readonly string[],
  length: number,
): { start: number; end: number }[] | null {
  if (!ASCII.test(flat) || !terms.every((t) => ASCII.test(t))) return null;
  const lower = flat.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = term === '' ? -1 : lower.indexOf(term.toLowerCase());
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return null;
  // Whole words only: the stretch starts and ends at spaces, so no word is cut in two.
  const from = flat.lastIndexOf(' ', Math.max(0, first - 60)) + 1;
  const stop = flat.indexOf(' ', first + length + 60);
  const to = stop < 0 ? flat.length : stop;
  const ranges = matchRanges(flat.slice(from, to), terms).map((r) => ({ start: r.start + from, end: r.end + from }));
  return ranges.length > 0 && ranges[0]!.start < first + 60 ? ranges : null;
}

/**
 * The excerpt of `text` (at most about `length` characters) that starts a little before the first match,
 * with every matching word marked. Without a match it is the text's beginning.
 */
export function makeSnippet(text: string, terms: readonly string[], length = 160): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = rangesNearFirst(flat, terms, length) ?? matchRanges(flat, terms);
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, first - 40);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let at = start;
  for (const range of ranges) {
    if (range.end <= at || range.start >= end) continue;
    const s = Math.max(range.start, at);
    const e = Math.min(range.end, end);
    if (s > at) parts.push({ text: flat.slice(at, s), hit: false });
    parts.push({ text: flat.slice(s, e), hit: true });
    at = e;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
