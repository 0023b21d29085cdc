/**
 * Text with links, as the exports carry it: a paragraph is a list of runs, some of which link somewhere.
 * Slides condense, clip and split text by character offsets of its plain form; these helpers do the same to
 * the runs, so a link keeps exactly its words wherever the text ends up. Only safe addresses (http, https,
 * mailto: shared/domain/url.ts) are ever kept as links; anything else is plain text.
 */
import { isSafeLinkUrl } from '../domain/url';
import type { TextBlock, TextRun } from './deckModel';

/** The runs of a block (one plain run when it has no links). */
export function blockRuns(block: TextBlock): TextRun[] {
  return block.runs ?? [{ text: block.text }];
}

/** The plain text of `runs`. */
export function plainText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** The run's address when it is a safe link, else null. */
export function safeUrl(run: TextRun): string | null {
  return run.url !== undefined && isSafeLinkUrl(run.url) ? run.url : null;
}

/** True when some run is a safe link. */
export function hasLink(runs: readonly TextRun[]): boolean {
  return runs.some((r) => safeUrl(r) !== null);
}

/** Appends a run, merging it into the previous one when both link to the same place (or nowhere). */
function push(out: TextRun[], text: string, url: string | null): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last !== undefined && (last.url ?? null) === url) last.text += text;
  else out.push(url === null ? { text } : { text, url });
}

/**
 * Whitespace collapsed to single spaces and trimmed, across runs — what `text.replace(/\s+/g, ' ').trim()`
 * does to the plain text, so offsets into the one are offsets into the other. Unsafe links become plain.
 */
export function normalizeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  let pendingSpace = false;
  for (const run of runs) {
    const url = safeUrl(run);
    for (const piece of run.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        pendingSpace = true;
        continue;
      }
      // A space inside a link's words is the link's; one between a link and anything else is plain text.
      if (pendingSpace && out.length > 0) push(out, ' ', (out.at(-1)!.url ?? null) === url ? url : null);
      pendingSpace = false;
      push(out, piece, url);
    }
  }
  return out;
}

/** The runs covering characters [start, end) of their plain text. */
export function sliceRuns(runs: readonly TextRun[], start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from < to) push(out, run.text.slice(from - at, to - at), safeUrl(run));
    at += run.text.length;
  }
  return out;
}

/** `runs` with plain text added before and after (quotes around a quote, "…" after a cut). */
export function wrapRuns(before: string, runs: readonly TextRun[], after: string): TextRun[] {
  const out: TextRun[] = [];
  push(out, before, null);
  for (const run of runs) push(out, run.text, safeUrl(run));
  push(out, after, null);
  return out;
}

/**
 * Plain text that keeps every link's address, for speaker notes: "the uptime report
 * (https://…)". A link whose words are its address is written once.
 */
export function textWithUrls(runs: readonly TextRun[]): string {
  return runs
    .map((run) => {
      const url = safeUrl(run);
      if (url === null) return run.text;
      const words = run.text.trim();
      return words === url || `mailto:${words}` === url ? run.text : `${run.text} (${url})`;
    })
    .join('');
}
