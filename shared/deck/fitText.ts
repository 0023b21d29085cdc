/** Fitting text into slide boxes: measured wrapping, shrinking within limits, splitting over pages. */
import type { BrandFont } from '../collab/brand';
import type { Hex, TextBox, TextRole } from './deckModel';
import { PT } from './deckGeometry';
import { linesHeightPt, truncateToLines, wrapText } from './textMeasure';

/** A text box with Duet's defaults. */
export function text(
  role: TextRole,
  frame: { x: number; y: number; w: number; h: number },
  paragraphs: string[],
  style: Partial<Omit<TextBox, 'kind' | 'role' | 'paragraphs'>> & { fontSize: number; font: string; color: Hex },
): TextBox {
  return {
    kind: 'text',
    role,
    ...frame,
    paragraphs,
    bullets: false,
    bold: false,
    align: 'left',
    spaceAfter: 0,
    ...style,
  };
}

/** Height in inches of `paragraphs` wrapped into `widthIn` at `fontSize`, with `spaceAfter` pt between. */
export function blockHeight(
  paragraphs: string[],
  widthIn: number,
  fontSize: number,
  font: BrandFont,
  gap: number,
): number {
  let pt = 0;
  paragraphs.forEach((p, i) => {
    pt += linesHeightPt(wrapText(p, widthIn * PT, fontSize, font).length, fontSize) + (i > 0 ? gap : 0);
  });
  return pt / PT;
}

/** Where a paragraph on a page came from: item `item`, characters [start, end) of it. */
export interface FlowPiece {
  item: number;
  start: number;
  end: number;
}

/** A flow of paragraphs fitted into a box: one font size, one or more pages. */
export interface FittedFlow {
  fontSize: number;
  pages: string[][];
  /** For each page's paragraphs, the item and characters they show (an item split by lines shows a part). */
  pieces: FlowPiece[][];
}

/** Where each line of `item` (as wrapText made it) starts and ends in `item`. */
function lineSpans(item: string, lines: readonly string[]): { start: number; end: number }[] {
  let cursor = 0;
  return lines.map((line) => {
    const start = Math.max(cursor, item.indexOf(line, cursor));
    cursor = start + line.length;
    return { start, end: cursor };
  });
}

/**
 * Fits `items` into a box of `widthIn` × `heightIn`: the largest size from `max` down to `min` at which all
 * fit on one page; otherwise `min`, split over pages (an item taller than a page is split by lines). An item
 * marked in `keepWithNext` (a group label) never ends a page when the item after it follows on the next.
 */
export function fitFlow(
  items: readonly string[],
  widthIn: number,
  heightIn: number,
  limits: { max: number; min: number },
  font: BrandFont,
  gapFactor: number,
  keepWithNext: readonly boolean[] = [],
): FittedFlow {
  if (items.length === 0) return { fontSize: limits.max, pages: [], pieces: [] };
  for (let size = limits.max; size >= limits.min; size--) {
    if (blockHeight([...items], widthIn, size, font, size * gapFactor) <= heightIn) {
      return {
        fontSize: size,
        pages: [[...items]],
        pieces: [items.map((item, i) => ({ item: i, start: 0, end: item.length }))],
      };
    }
  }
  const size = limits.min;
  const gap = size * gapFactor;
  const lineH = linesHeightPt(1, size);
  const heightPt = heightIn * PT;
  const linesPerPage = Math.max(1, Math.floor(heightPt / lineH));
  const pieces: FlowPiece[][] = [];
  let page: FlowPiece[] = [];
  let used = 0;
  const flush = (): void => {
    if (page.length > 0) pieces.push(page);
    page = [];
    used = 0;
  };
  const roomFor = (): number => Math.floor((heightPt - used - (page.length > 0 ? gap : 0) + 1e-6) / lineH);
  items.forEach((item, index) => {
    let spans = lineSpans(item, wrapText(item, widthIn * PT, size, font));
    // A label needs its own lines and the first line of what it introduces on the same page.
    if (keepWithNext[index] === true && index + 1 < items.length && page.length > 0) {
      const needed = gap + spans.length * lineH + gap + lineH;
      if (used + needed > heightPt + 1e-6 && needed - gap <= heightPt) flush();
    }
    while (spans.length > 0) {
      const room = roomFor();
      const before = page.length > 0 ? gap : 0;
      if (spans.length <= room) {
        page.push({ item: index, start: spans[0]!.start, end: spans.at(-1)!.end });
        used += before + spans.length * lineH;
        spans = [];
      } else if (page.length > 0) {
        flush(); // keep an item whole when a fresh page can hold it (or holds more of it)
      } else {
        // Longer than a whole page: split it by lines.
        const part = spans.slice(0, linesPerPage);
        page.push({ item: index, start: part[0]!.start, end: part.at(-1)!.end });
        spans = spans.slice(linesPerPage);
        flush();
      }
    }
  });
  flush();
  return {
    fontSize: size,
    pages: pieces.map((p) => p.map((piece) => items[piece.item]!.slice(piece.start, piece.end))),
    pieces,
  };
}

/** Fits a single heading: shrink to `min`, then cut at a word boundary with "…" (notes keep the whole). */
export function fitHeading(
  value: string,
  widthIn: number,
  limits: { max: number; min: number; lines: number },
  font: BrandFont,
  suffix = '',
): { text: string; fontSize: number; lines: number } {
  for (let size = limits.max; size >= limits.min; size -= 2) {
    const lines = wrapText(value + suffix, widthIn * PT, size, font).length;
    if (lines <= limits.lines) return { text: value + suffix, fontSize: size, lines };
  }
  const clipped = truncateToLines(value, limits.lines, widthIn * PT, limits.min, font, suffix);
  return { text: clipped, fontSize: limits.min, lines: wrapText(clipped, widthIn * PT, limits.min, font).length };
}

/** `value` cut to one line of `widthIn` at `size` (with "…" when cut). */
export function singleLine(value: string, widthIn: number, size: number, font: BrandFont): string {
  return truncateToLines(value, 1, widthIn * PT, size, font);
}

/** The logo fitted into a frame, keeping its aspect ratio; anchored to the frame's right or left edge. */
