/** Pitch decks from a playbook: the builder (PPTX, PDF) and the Markdown export. */
import { lazyPart } from '../../ui/lazyPart';

export type { DeckActionsProps } from './DeckActions';
/**
 * The title bar's "Deck…" and "Export Markdown…": their code loads once the playbook's text is shown (the
 * title bar shows them disabled until then, PlaybookTitleBar.tsx).
 */
export const DeckActions = lazyPart(() => import('./DeckActions'), 'DeckActions', {
  label: 'Loading the deck actions…',
  shape: 'quiet',
});
export type { NarrativeCaution } from './DeckExportWarning';
