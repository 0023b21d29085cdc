/**
 * Turns a narrative's body into slide bullets and speaker notes. Bullets are the story condensed: list items
 * stay as they are, a paragraph gives its first sentence, and headings stay as the labels of the bullets
 * that follow them. Nothing is dropped silently: what the bullets leave out is counted for the builder's
 * preview, and the notes carry the whole text, word for word, with every link's address — the talk track.
 */
import { BUYING_STAGE_LABELS } from '../domain/narrative';
import type { DeckNarrative, LeftOut, RichParagraph, TextBlock, TextRun } from './deckModel';
import { blockRuns, normalizeRuns, plainText, sliceRuns, textWithUrls, wrapRuns } from './richText';

/** Longest bullet before it is cut at a word boundary (the full text is in the notes). */
export const MAX_BULLET_CHARS = 180;

/** The first sentence of `text` (up to . ! ? followed by a space), or all of it. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match ? match[1]! : text).trim();
}

/** The sentences of `text` (split after . ! ? followed by a space). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** How many characters of `text` a bullet keeps (cut at a word boundary), or null when it all fits. */
function clipLength(text: string, max: number): number | null {
  if (text.length <= max) return null;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '').length;
}

/** The story condensed: the slide's paragraphs, and what they leave out. */
export interface CondensedStory {
  items: RichParagraph[];
  leftOut: LeftOut;
}

/** The story as bullets and group labels, in body order, with links kept. */
export function condenseStory(body: readonly TextBlock[]): CondensedStory {
  const items: RichParagraph[] = [];
  const leftOut: LeftOut = { sentences: [], shortened: 0 };
  const add = (runs: TextRun[], heading: boolean, quote = false): void => {
    const keep = clipLength(plainText(runs), MAX_BULLET_CHARS - (quote ? 2 : 0));
    if (keep !== null) leftOut.shortened++;
    const kept = keep === null ? runs : sliceRuns(runs, 0, keep);
    items.push({ runs: wrapRuns(quote ? '“' : '', kept, `${keep === null ? '' : '…'}${quote ? '”' : ''}`), heading });
  };
  for (const block of body) {
    const runs = normalizeRuns(blockRuns(block));
    const text = plainText(runs);
    if (text === '') continue;
    if (block.kind === 'heading') add(runs, true);
    else if (block.kind === 'quote') add(runs, false, true);
    else if (block.kind === 'bullet' || block.kind === 'number') add(runs, false);
    else {
      const first = firstSentence(text);
      add(sliceRuns(runs, 0, first.length), false);
      leftOut.sentences.push(...sentences(text.slice(first.length)));
    }
  }
  return { items, leftOut };
}

/** The story as plain bullets, in body order (headings included, as their own lines). */
export function condenseToBullets(body: readonly TextBlock[]): string[] {
  return condenseStory(body).items.map((item) => plainText(item.runs));
}

/** What `leftOut` says in one line, or null when nothing was left out. */
export function describeLeftOut(leftOut: LeftOut): string | null {
  const parts: string[] = [];
  const n = leftOut.sentences.length;
  if (n > 0) parts.push(`${n} ${n === 1 ? 'sentence' : 'sentences'} left out`);
  if (leftOut.shortened > 0) {
    parts.push(`${leftOut.shortened} long ${leftOut.shortened === 1 ? 'point' : 'points'} shortened`);
  }
  if (parts.length === 0) return null;
  const they = n + leftOut.shortened === 1 ? 'it stays' : 'they stay';
  return `${parts.join(', ')} — ${n > 0 ? they : 'the full text stays'} in the speaker notes`;
}

/** The full narrative as plain text for speaker notes; links keep their address ("words (https://…)"). */
export function narrativeNotes(narrative: DeckNarrative): string {
  const lines: string[] = [];
  if (narrative.title) lines.push(narrative.title);
  if (narrative.keyMessage) lines.push(`Key message: ${narrative.keyMessage}`);
  const who = [narrative.persona, narrative.stage ? BUYING_STAGE_LABELS[narrative.stage] : '']
    .filter(Boolean)
    .join(', ');
  if (who) lines.push(`For: ${who}`);
  lines.push('');
  let number = 0;
  for (const block of narrative.body) {
    const text = textWithUrls(blockRuns(block)).trim();
    if (text === '') continue;
    number = block.kind === 'number' ? number + 1 : 0;
    if (block.kind === 'bullet') lines.push(`• ${text}`);
    else if (block.kind === 'number') lines.push(`${number}. ${text}`);
    else if (block.kind === 'quote') lines.push(`“${text}”`);
    else lines.push(text);
  }
  if (narrative.proofPoints.length > 0) {
    lines.push('', 'Proof points:');
    for (const p of narrative.proofPoints) lines.push(`• ${p}`);
  }
  return lines.join('\n').trim();
}
