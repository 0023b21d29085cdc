/**
 * Turning one document into index records: a playbook's narratives (as the deck export reads them), a notes
 * document's deals and anchored notes. Each replaces that document's records — unchanged records cost a
 * comparison, records of things that are gone are removed.
 */
import type * as Y from 'yjs';
import { readAnchoredNotes } from '@shared/collab/anchoredNotes';
import { dealIds, readDeal } from '@shared/collab/notes';
import type { DeckNarrative } from '@shared/deck/deckModel';
import type { SearchEngine } from '@shared/search/SearchEngine';
import { dealSearchDoc, narrativeSearchDoc, noteSearchDoc } from '@shared/search/searchDocs';

/** How long a slice of indexing runs before it lets queries (and the typing user) through. */
export const SLICE_MS = 12;

function removeUnseen(engine: SearchEngine, prefix: string, seen: ReadonlySet<string>): void {
  for (const id of engine.idsWithPrefix(prefix)) if (!seen.has(id)) engine.remove(id);
}

/** Upserts a playbook's narratives and removes those that are gone. */
export function indexNarratives(engine: SearchEngine, playbookId: string, narratives: readonly DeckNarrative[]): void {
  const seen = new Set<string>();
  for (const narrative of narratives) {
    const record = narrativeSearchDoc(playbookId, narrative);
    seen.add(record.id);
    engine.upsert(record);
  }
  removeUnseen(engine, `n:${playbookId}:`, seen);
}

/** Every deal and anchored note of a notes document, in slices separated by `pause`. */
export async function indexNotes(
  engine: SearchEngine,
  playbookId: string,
  doc: Y.Doc,
  pause: () => Promise<void>,
  now: () => number,
): Promise<void> {
  const seen = new Set<string>();
  let sliceStart = now();
  // Deal by deal rather than `readDeals` (which reads, checks and sorts all of them in one go: over a second
  // for 20,000 deals on a loaded machine, while someone might start typing).
  for (const id of dealIds(doc)) {
    const deal = readDeal(doc, id);
    if (!deal) continue;
    const record = dealSearchDoc(playbookId, deal);
    seen.add(record.id);
    engine.upsert(record);
    if (now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = now();
    }
  }
  removeUnseen(engine, `d:${playbookId}:`, seen);
  indexAnchoredNotes(engine, playbookId, doc);
}

/** The anchored notes of a notes document. */
export function indexAnchoredNotes(engine: SearchEngine, playbookId: string, doc: Y.Doc): void {
  const seen = new Set<string>();
  for (const note of readAnchoredNotes(doc)) {
    const record = noteSearchDoc(playbookId, note);
    seen.add(record.id);
    engine.upsert(record);
  }
  removeUnseen(engine, `a:${playbookId}:`, seen);
}
