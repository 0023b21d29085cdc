/**
 * Before a deck leaves the app: if any chosen narrative is not approved as it stands (a draft, in review,
 * sent back, retired, changed since approved) or is stale, say which and why, and offer to leave them out
 * in one click — or export anyway, knowingly.
 */
import { Dialog } from '../../ui/Dialog';

/** A narrative's governance as the deck builder shows it; null when not known (no governance at hand). */
export type NarrativeCaution = (narrativeId: string) => { state: string; label: string; warning: string | null } | null;

/** One chosen narrative that needs a second thought. */
export interface CautionedSlide {
  narrativeId: string;
  title: string;
  warning: string;
}

/** Props of DeckExportWarning. */
export interface DeckExportWarningProps {
  slides: readonly CautionedSlide[];
  /** How many slides the deck has without them (0: leaving them out leaves nothing to export). */
  remaining: number;
  onLeaveOut: () => void;
  onExportAnyway: () => void;
  onCancel: () => void;
}

/** The warning dialog. */
export function DeckExportWarning({ slides, remaining, onLeaveOut, onExportAnyway, onCancel }: DeckExportWarningProps) {
  const count = slides.length === 1 ? 'One narrative' : `${slides.length} narratives`;
  return (
    <Dialog
      title="Export narratives that need review?"
      open
      onClose={onCancel}
      testId="deck-warning"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button" onClick={onExportAnyway}>
            Export anyway
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={onLeaveOut}
            disabled={remaining === 0}
            title={remaining === 0 ? 'Every chosen narrative needs review: nothing would be left.' : undefined}
          >
            Leave {slides.length === 1 ? 'it' : 'them'} out and export
          </button>
        </>
      }
    >
      <p>
        {count} in this deck {slides.length === 1 ? 'is' : 'are'} not approved as{' '}
        {slides.length === 1 ? 'it stands' : 'they stand'}, or past {slides.length === 1 ? 'its' : 'their'} review: a
        customer would see words no storyteller currently vouches for.
      </p>
      <ul className="deck-warning-list" data-testid="deck-warning-list">
        {slides.map((s) => (
          <li key={s.narrativeId}>
            <strong>{s.title || 'Untitled narrative'}</strong> — {s.warning}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
