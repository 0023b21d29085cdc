/** Pitch decks from a playbook: the builder (PPTX, PDF) and the Markdown export. */
export { DeckActions, NO_EVIDENCE, type DeckActionsProps } from './DeckActions';
export { readDeckNarratives } from './readDeckNarratives';
export type { NarrativeCaution } from './DeckExportWarning';
