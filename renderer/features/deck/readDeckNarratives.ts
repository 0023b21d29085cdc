/**
 * Reads a playbook document's narratives with their body text, headlessly, for the deck builder and the
 * Markdown export. Reading from the Y.Doc (not the visible editor) sees exactly what is stored and synced.
 */
import type * as Y from 'yjs';
import type { DeckNarrative } from '@shared/deck/deckModel';
import { readPlaybookDoc } from '../../editor/headless';
import { $readNarrativesWithBody } from '../../editor/narrativeOps';

/** Every narrative of `doc` in document order, with its body as text blocks. */
export function readDeckNarratives(doc: Y.Doc): DeckNarrative[] {
  return readPlaybookDoc(doc, $readNarrativesWithBody);
}
