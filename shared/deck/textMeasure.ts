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
  const code = ch.codePointAt(0) ?? 0;
  if (ch === ' ') return 0.3;
  if (code >= 0x2e80) return code >= 0x1f000 ? 1.25 : 1.05; // CJK, full width; emoji
  if ("il.,;:!|'`ijlI[]()".includes(ch)) return 0.34;
  if ('MWmw@%—'.includes(ch)) return 0.98;
  if (/[A-Z0-9#&?]/.test(ch)) return 0.72;
  return 0.58;
}

/** Width of `text` in points at `fontSize` in `font`. */
export function textWidthPt(text: string, fontSize: number, font: BrandFont): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize * FONT_WIDTH[font];
}

/** Splits a word that is wider than a line into pieces that each fit. */
function breakWord(word: string, widthPt: number, fontSize: number, font: BrandFont): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && textWidthPt(piece + ch, fontSize, font) > widthPt) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Greedy word wrap of one paragraph into lines no wider than `widthPt`. */
export function wrapText(text: string, widthPt: number, fontSize: number, font: BrandFont): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidthPt(candidate, fontSize, font) <= widthPt) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (textWidthPt(word, fontSize, font) <= widthPt) {
      line = word;
    } else {
      const pieces = breakWord(word, widthPt, fontSize, font);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
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
