/** Pitch decks from a playbook: the builder (PPTX, PDF) and the Markdown export. */
export { DeckActions, NO_EVIDENCE, type DeckActionsProps } from './DeckActions';
export { buildPptx } from './buildPptx';
export { readDeckNarratives } from './readDeckNarratives';
