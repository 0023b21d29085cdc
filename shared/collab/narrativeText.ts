/**
 * The plain text a narrative's anchored notes are quoted from and resolved against: the text of its leaves
 * (title, key message, body) in document order, with one line break between blocks so a phrase never runs
 * into the next paragraph's first word. Both sides build it from the same segments — the editor from its
 * nodes, the highlights from the nodes' DOM — so offsets mean the same thing everywhere.
 */

/** One leaf of a narrative: its text and the block it sits in (any id that is equal for equal blocks). */
export interface TextSegment {
  /** The leaf's id (a Lexical node key), used to find its DOM. */
  key: string;
  block: string;
  text: string;
}

/** A narrative's text and where each segment starts in it. */
export interface TextLayout {
  text: string;
  segments: readonly TextSegment[];
  starts: readonly number[];
}

/** A position inside one segment. */
export interface SegmentPoint {
  index: number;
  offset: number;
}

/** Joins the segments into the narrative's text, a line break between blocks. */
export function layoutText(segments: readonly TextSegment[]): TextLayout {
  let text = '';
  const starts: number[] = [];
  segments.forEach((segment, i) => {
    if (i > 0 && segment.block !== segments[i - 1]!.block) text += '\n';
    starts.push(text.length);
    text += segment.text;
  });
  return { text, segments, starts };
}

/** The text offset of a point inside segment `index`. */
export function offsetOfPoint(layout: TextLayout, point: SegmentPoint): number {
  const start = layout.starts[point.index];
  const segment = layout.segments[point.index];
  if (start === undefined || segment === undefined) throw new RangeError(`[anchor] no segment ${point.index}`);
  return start + Math.min(Math.max(0, point.offset), segment.text.length);
}

/**
 * The segment point at a text offset. A start (`edge: 'start'`) on a boundary goes to the beginning of the
 * next segment, an end to the end of the previous one, so a range never covers an empty neighbour. Null
 * when the offset is outside the text.
 */
export function pointOfOffset(layout: TextLayout, offset: number, edge: 'start' | 'end'): SegmentPoint | null {
  if (offset < 0 || offset > layout.text.length) return null;
  let fallback: SegmentPoint | null = null;
  for (let i = 0; i < layout.segments.length; i++) {
    const start = layout.starts[i]!;
    const end = start + layout.segments[i]!.text.length;
    if (offset < start || offset > end) continue;
    const point = { index: i, offset: offset - start };
    if (edge === 'start' ? offset < end : offset > start) return point;
    fallback ??= point;
  }
  return fallback;
}

/** Narrows `start`–`end` of `text` so it neither begins nor ends with white space (a triple-click's newline). */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
