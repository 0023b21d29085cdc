/**
 * A deliberately pessimistic model of how wide text is, so a box the layout says fits also fits in
 * PowerPoint, Keynote, LibreOffice (with substitute fonts) and Chromium. Every glyph is given at least its
 * width in the widest of our fonts; overestimating costs a little white space, underestimating costs a
 * clipped slide.
 */
import type { BrandFont } from '../collab/brand';

/** Line height as a multiple of the font size; renderers use about 1.15–1.2. */
export const LINE_HEIGHT = 1.3;

/** How much wider than Arial each theme font runs (Verdana is the wide one). */
const FONT_WIDTH: Record<BrandFont, number> = {
  Arial: 1,
  Helvetica: 1,
  Calibri: 1,
  Georgia: 1.08,
  'Trebuchet MS': 1.02,
  Verdana: 1.18,
};

/** Width of one character in ems (of an Arial-like font), rounded up. */
export function charWidthEm(ch: string): number {
  return charWidthCenti(ch) / 100;
}

/** Width of one character in hundredths of an em: integers, so sums are exact and can be added up piecewise. */
function charWidthCenti(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 128) return ASCII_CENTI[code]!;
  if (code >= 0x2e80) return code >= 0x1f000 ? 125 : 105; // CJK, full width; emoji
  return ch === '—' ? 98 : 58;
}

/** The widths of the ASCII characters, looked up rather than tested with patterns on every character. */
const ASCII_CENTI = Uint8Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (ch === ' ') return 30;
  if ("il.,;:!|'`ijlI[]()".includes(ch)) return 34;
  if ('MWmw@%'.includes(ch)) return 98;
  if (/[A-Z0-9#&?]/.test(ch)) return 72;
  return 58;
});

function centiOf(text: string): number {
  let centi = 0;
  for (const ch of text) centi += charWidthCenti(ch);
  return centi;
}

/** Width of `text` in points at `fontSize` in `font`. */
export function textWidthPt(text: string, fontSize: number, font: BrandFont): number {
  return (centiOf(text) / 100) * fontSize * FONT_WIDTH[font];
}

/** A paragraph's words with their widths (hundredths of an em), measured once however often it is wrapped. */
interface MeasuredWords {
  words: string[];
  centi: number[];
}

/**
 * Fitting a box tries one font size after another, and truncation tries many cuts of the same text: the
 * words of the last paragraphs seen are kept measured. Bounded, so a long export does not hold every text.
 */
const measured = new Map<string, MeasuredWords>();
const MEASURED_MAX = 512;

function measureWords(text: string): MeasuredWords {
  let found = measured.get(text);
  if (found === undefined) {
    const words = text.split(/\s+/).filter((w) => w.length > 0);
    found = { words, centi: words.map(centiOf) };
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(text, found);
  }
  return found;
}

/** True when a run of `centi` hundredths of an em fits `widthPt` at `fontSize` in `font`. */
function fits(centi: number, widthPt: number, fontSize: number, font: BrandFont): boolean {
  return (centi / 100) * fontSize * FONT_WIDTH[font] <= widthPt;
}

/** Splits a word that is wider than a line into pieces that each fit. */
function breakWord(word: string, widthPt: number, fontSize: number, font: BrandFont): string[] {
  const pieces: string[] = [];
  let piece = '';
  let centi = 0;
  for (const ch of word) {
    const w = charWidthCenti(ch);
    if (piece !== '' && !fits(centi + w, widthPt, fontSize, font)) {
      pieces.push(piece);
      piece = '';
      centi = 0;
    }
    piece += ch;
    centi += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap of one paragraph into lines no wider than `widthPt`. A line's width is kept as it grows
 * (words are joined by one space), so wrapping is linear in the words, not in words × line length.
 */
export function wrapText(text: string, widthPt: number, fontSize: number, font: BrandFont): string[] {
  const { words, centi } = measureWords(text);
  const space = ASCII_CENTI[32]!;
  const lines: string[] = [];
  let line = '';
  let lineCenti = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const wordCenti = centi[i]!;
    const candidateCenti = line === '' ? wordCenti : lineCenti + space + wordCenti;
    if (fits(candidateCenti, widthPt, fontSize, font)) {
      line = line === '' ? word : `${line} ${word}`;
      lineCenti = candidateCenti;
      continue;
    }
    if (line !== '') lines.push(line);
    if (fits(wordCenti, widthPt, fontSize, font)) {
      line = word;
      lineCenti = wordCenti;
    } else {
      const pieces = breakWord(word, widthPt, fontSize, font);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineCenti = centiOf(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Height in points of `lines` lines at `fontSize`. */
export function linesHeightPt(lines: number, fontSize: number): number {
  return lines * fontSize * LINE_HEIGHT;
}

/** Shortens `text` at a word boundary with "…" (then `suffix`) so it wraps into at most `maxLines` lines. */
export function truncateToLines(
  text: string,
  maxLines: number,
  widthPt: number,
  fontSize: number,
  font: BrandFont,
  suffix = '',
): string {
  if (wrapText(text + suffix, widthPt, fontSize, font).length <= maxLines) return text + suffix;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  let low = 0;
  let high = words.length;
  // Binary search for the most words that still fit with the ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = `${words.slice(0, mid).join(' ')}…${suffix}`;
    if (wrapText(candidate, widthPt, fontSize, font).length <= maxLines) low = mid;
    else high = mid - 1;
  }
  if (low > 0) return `${words.slice(0, low).join(' ')}…${suffix}`;
  // Not even one word fits: cut characters.
  const first = wrapText(text, widthPt, fontSize, font).slice(0, maxLines).join(' ');
  return `${[...first].slice(0, -1).join('')}…`;
}
