/**
 * Turns a narrative's body into slide bullets and speaker notes. Bullets are the story condensed: list items
 * stay as they are, a paragraph gives its first sentence, headings introduce rather than say, so they are
 * left to the notes. The notes carry the whole text, word for word: that is the talk track.
 */
import { BUYING_STAGE_LABELS } from '../domain/narrative';
import type { DeckNarrative, TextBlock } from './deckModel';

/** Longest bullet before it is cut at a word boundary (the full text is in the notes). */
export const MAX_BULLET_CHARS = 180;

/** The first sentence of `text` (up to . ! ? followed by a space), or all of it. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match ? match[1]! : text).trim();
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** The story as bullets, in body order. */
export function condenseToBullets(body: readonly TextBlock[]): string[] {
  const bullets: string[] = [];
  for (const block of body) {
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (text === '' || block.kind === 'heading') continue;
    if (block.kind === 'bullet' || block.kind === 'number') bullets.push(clip(text, MAX_BULLET_CHARS));
    else if (block.kind === 'quote') bullets.push(clip(`“${text}”`, MAX_BULLET_CHARS));
    else bullets.push(clip(firstSentence(text), MAX_BULLET_CHARS));
  }
  return bullets;
}

/** The full narrative as plain text, for speaker notes. */
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
    const text = block.text.trim();
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
