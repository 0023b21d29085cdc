/**
 * Text-quote anchors (the W3C Web Annotation `TextQuoteSelector`: exact text plus a little prefix and suffix)
 * for notes attached to words of a narrative. The anchor is stored in the notes document, never in the
 * playbook, and is resolved again against the narrative's current text whenever it is shown: it survives
 * edits around the phrase, follows the phrase when text moves, and is "orphaned" when the words are gone.
 */
import { z } from '../zod';

/** How much context to keep on each side of the quote. */
export const QUOTE_CONTEXT = 32;
/** Longest quote a note may anchor to. */
export const QUOTE_MAX = 500;

/** W3C TextQuoteSelector. */
export const textQuoteSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(QUOTE_MAX)),
  prefix: z.string().check(z.maxLength(QUOTE_CONTEXT)),
  suffix: z.string().check(z.maxLength(QUOTE_CONTEXT)),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSchema>;

/** A note attached to a phrase of a narrative. */
export const anchoredNoteSchema = z.object({
  narrativeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  selector: textQuoteSchema,
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
  author: z.string().check(z.minLength(1), z.maxLength(80)),
  /** The author's member id when a sync server vouches for them (it refuses notes naming anyone else). */
  authorId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  createdAt: z.number(),
});
export type AnchoredNote = z.infer<typeof anchoredNoteSchema>;

/** A resolved anchor: character offsets in the text it was resolved against. */
export interface TextRange {
  start: number;
  end: number;
}

/** Builds the selector for `text.slice(start, end)`. */
export function createTextQuote(text: string, start: number, end: number, context = QUOTE_CONTEXT): TextQuoteSelector {
  if (start < 0 || end > text.length || start >= end) throw new RangeError(`[anchor] bad range ${start}–${end}`);
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/** Length of the common ending of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common beginning of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the quote in `text`. Every occurrence of the exact words is a candidate; the one whose surroundings
 * agree best with the stored prefix and suffix wins (earliest on a tie), so an anchor stays on "the same"
 * phrase when it appears twice and survives edits next to it. Null when the exact words are gone: orphaned.
 */
export function locateTextQuote(text: string, selector: TextQuoteSelector): TextRange | null {
  const { exact, prefix, suffix } = selector;
  if (exact.length === 0) return null;
  let best: TextRange | null = null;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const score = commonSuffix(before, prefix) + commonPrefix(after, suffix);
    if (score > bestScore) {
      best = { start: at, end: at + exact.length };
      bestScore = score;
    }
  }
  return best;
}

/** Where an anchored note stands against the narrative's current text. */
export type AnchorStatus = { status: 'anchored'; range: TextRange } | { status: 'orphaned' };

/** Resolves a note's anchor against the current text of its narrative (null text: the narrative is gone). */
export function resolveAnchor(text: string | null, selector: TextQuoteSelector): AnchorStatus {
  const range = text === null ? null : locateTextQuote(text, selector);
  return range ? { status: 'anchored', range } : { status: 'orphaned' };
}
