/**
 * How Duet cuts text into search terms. Indexing and querying use the same functions, so "Café" finds "cafe",
 * "follow-up" finds "follow up", and Chinese or Japanese text (no spaces between words) is cut into
 * overlapping character pairs, which finds any two-character word without a dictionary.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const MARKS = /\p{M}/gu;

/** Lowercase without accents ("Café" → "cafe"); full-width forms folded (NFKD). */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The character pairs of a CJK run ("数据分析" → 数据, 据分, 分析); a single character stays itself. */
function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Splits one word (letters and digits only) into its Latin-like parts and CJK pairs. */
function splitWord(word: string, out: string[]): void {
  let last = 0;
  for (const match of word.matchAll(CJK)) {
    if (match.index > last) out.push(word.slice(last, match.index));
    out.push(...cjkBigrams(match[0]));
    last = match.index + match[0].length;
  }
  if (last < word.length) out.push(word.slice(last));
}

/** The normalized terms of `text`, in order (duplicates kept: the engine counts frequencies). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const normalized = normalizeTerm(text); // marks are gone from here on
  // Most texts have no CJK at all: then each word is a term as it stands (the per-word CJK split is the
  // costly part of indexing otherwise).
  if (!isCjk(normalized)) for (const match of normalized.matchAll(WORD)) out.push(match[0]);
  else for (const match of normalized.matchAll(WORD)) splitWord(match[0], out);
  return out;
}

/** True when `text` contains CJK characters (used to match such terms inside a run, not as whole words). */
export function isCjk(term: string): boolean {
  CJK.lastIndex = 0;
  const found = CJK.test(term);
  CJK.lastIndex = 0; // `matchAll` starts where the last test stopped
  return found;
}
