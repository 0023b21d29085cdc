/**
 * The deck builder for a playbook document. Its narratives are read (headlessly: exactly what is stored and
 * synced) when the builder opens, here rather than in the title bar's button, so that reading and the headless
 * editor it needs load with the builder instead of with the playbook's first screen.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import { DeckBuilderDialog, type DeckBuilderDialogProps } from './DeckBuilderDialog';
import { readDeckNarratives } from './readDeckNarratives';

/** Props of DeckBuilderFromDoc: the builder's, with the document in place of its narratives. */
export interface DeckBuilderFromDocProps extends Omit<DeckBuilderDialogProps, 'narratives'> {
  playbookDoc: Y.Doc;
}

/** The deck builder over a snapshot of `playbookDoc`'s narratives, taken as it opens. */
export function DeckBuilderFromDoc({ playbookDoc, ...props }: DeckBuilderFromDocProps) {
  const [narratives] = useState(() => readDeckNarratives(playbookDoc));
  return <DeckBuilderDialog {...props} narratives={narratives} />;
}
