/** The playbook title bar's "Deck…" and "Export Markdown…" buttons, and the deck builder they open. */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { EvidenceSource } from '@shared/deck/deckModel';
import { mayDo } from '@shared/domain/permissions';
import { useCommand } from '../../commands';
import { useToasts } from '../../ui/Toasts';
import { useSettings, useWorkspace } from '../shell/AppContext';
import { useLinkSession } from '../sync';
import { lazyPart } from '../../ui/lazyPart';
import type { NarrativeCaution } from './DeckExportWarning';
import './deck.css';

// The builder (layout, preview, brand editor, and the headless read of the narratives) loads the first time it
// opens; pptxgenjs only on export.
const DeckBuilder = lazyPart(() => import('./DeckBuilderFromDoc'), 'DeckBuilderFromDoc', {
  label: 'Opening the deck builder…',
  shape: 'dialog',
});

/** No win evidence (no deal log at hand): no slide claims anything. */
export const NO_EVIDENCE: EvidenceSource = () => null;

/** Props of DeckActions. */
export interface DeckActionsProps {
  playbookTitle: string;
  playbookDoc: Y.Doc;
  evidence?: EvidenceSource;
  /** Governance per narrative: the builder warns before exporting unapproved, changed or stale ones. */
  caution?: NarrativeCaution;
}

/** "Deck…" and "Export Markdown…" for the open playbook. */
export function DeckActions({ playbookTitle, playbookDoc, evidence = NO_EVIDENCE, caution }: DeckActionsProps) {
  const settings = useSettings('displayName', 'role');
  const workspace = useWorkspace();
  // The brand lives in the directory: its writers (the server's word once joined) may change it.
  const directoryLink = useLinkSession(workspace.directoryLink);
  const toasts = useToasts();
  const [building, setBuilding] = useState(false);
  useCommand('deck:export', () => setBuilding(true));

  const handleMarkdown = async (): Promise<void> => {
    try {
      const [{ exportMarkdown }, { readDeckNarratives }] = await Promise.all([
        import('./exportDeck'),
        import('./readDeckNarratives'),
      ]);
      const result = await exportMarkdown(playbookTitle, readDeckNarratives(playbookDoc));
      if (!result.ok) toasts.show({ kind: 'error', message: result.error.message });
      else if (result.value) toasts.show({ kind: 'success', message: `Exported Markdown to ${result.value.path}` });
    } catch (error) {
      console.error('[deck] markdown export failed', error);
      toasts.show({ kind: 'error', message: 'The playbook could not be exported as Markdown.' });
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="open-deck-builder"
        onClick={() => setBuilding(true)}
      >
        Deck…
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="export-markdown"
        onClick={() => void handleMarkdown()}
      >
        Export Markdown…
      </button>
      {building && (
        <DeckBuilder
          open
          onClose={() => setBuilding(false)}
          playbookTitle={playbookTitle}
          playbookDoc={playbookDoc}
          directory={workspace.directory}
          presenter={settings.displayName}
          canEditBrand={mayDo('brand.edit', settings.role, directoryLink?.session)}
          evidence={evidence}
          caution={caution}
        />
      )}
    </>
  );
}
