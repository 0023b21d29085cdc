/**
 * The hash an approval points at: what a narrative *says* — title, key message, story (with link
 * addresses), persona, buying stage and proof points. Status and owner are left out: they describe the
 * narrative's workflow, not its claims, and approving must not invalidate itself by setting the status.
 *
 * Whitespace-only changes do not count (decided for issue 13): every run of whitespace is read as one space
 * and blank blocks are dropped, so a trailing space, a double space or an empty paragraph never turns an
 * approved narrative into "changed since approved". Any change of a word, a number, punctuation, letter
 * case or a link address does count.
 */
import type { TextBlock } from '../deck/deckModel';
import type { NarrativeSummary } from '../domain/narrative';
import { sha256Hex } from './sha256';

/** What a narrative says: its summary and its body blocks (as the deck builder reads them). */
export type NarrativeContent = Pick<NarrativeSummary, 'title' | 'keyMessage' | 'persona' | 'stage' | 'proofPoints'> & {
  body: readonly TextBlock[];
};

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function blockText(block: TextBlock): string {
  const links = (block.runs ?? []).flatMap((run) => (run.url ? [`<${run.url}>`] : []));
  return `${block.kind}:${squash(block.text)}${links.join('')}`;
}

/** The canonical text a narrative's hash is taken of (exposed for tests and debugging). */
export function canonicalNarrativeText(content: NarrativeContent): string {
  return JSON.stringify([
    squash(content.title),
    squash(content.keyMessage),
    content.body.filter((b) => squash(b.text) !== '').map(blockText),
    squash(content.persona),
    content.stage,
    content.proofPoints.map(squash).filter((p) => p !== ''),
  ]);
}

/** SHA-256 (hex) of what a narrative says; equal for texts that differ only in whitespace. */
export function narrativeContentHash(content: NarrativeContent): string {
  return sha256Hex(canonicalNarrativeText(content));
}
