/**
 * The bar above a playbook: its title (rename in place), save state, the outline toggle and the deck buttons.
 * Rendered inside the editor (its header), so it can tell when the text is shown.
 */
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PLAYBOOK_TEMPLATE_INFO, PLAYBOOK_TITLE_MAX, type PlaybookMeta } from '@shared/domain/playbook';
import { Kbd } from '../../ui/Kbd';
import { profiled } from '../../ui/profiled';
import { PresenceBar } from '../sync';
import { SaveStateLabel } from './SaveStateLabel';
import type { EvidenceSource } from '@shared/deck/deckModel';
import { DeckActions, type NarrativeCaution } from '../deck';
import { useShownAndLoaded } from '../../editor/plugins/useContentShown';
import { useWorkspace } from '../shell/AppContext';
import type { PlaybookSession } from '../workspace/PlaybookSession';

/** The deck buttons while their code loads (once the text is shown): in place, disabled, so nothing moves. */
const PENDING_DECK_ACTIONS = (
  <>
    <button type="button" className="button button-small" disabled data-testid="open-deck-builder">
      Deck…
    </button>
    <button type="button" className="button button-small" disabled data-testid="export-markdown">
      Export Markdown…
    </button>
  </>
);

/** Props of PlaybookTitleBar. */
export interface PlaybookTitleBarProps {
  meta: PlaybookMeta;
  session: PlaybookSession;
  showOutline: boolean;
  onToggleOutline: () => void;
  /** True while the win/loss review shows instead of the text. */
  reviewOpen?: boolean;
  onToggleReview?: () => void;
  /** True while the review cannot open yet (its code is loading): the toggle shows, disabled. */
  reviewDisabled?: boolean;
  /** Win evidence per narrative for deck slides (from the deal log). */
  evidence?: EvidenceSource;
  /** Governance per narrative, so the deck builder warns about unapproved, changed or stale ones. */
  caution?: NarrativeCaution;
  /** More view toggles (the version history). */
  extraActions?: ReactNode;
}

/** Title, save state and view toggles of the open playbook. */
export function PlaybookTitleBar({
  meta,
  session,
  showOutline,
  onToggleOutline,
  reviewOpen,
  onToggleReview,
  reviewDisabled,
  evidence,
  caution,
  extraActions,
}: PlaybookTitleBarProps) {
  const workspace = useWorkspace();
  const deckReady = useShownAndLoaded(DeckActions);
  const [title, setTitle] = useState(meta.title);
  useEffect(() => setTitle(meta.title), [meta.title]);

  const commit = (): void => {
    if (title.trim() && title !== meta.title) workspace.renamePlaybook(meta.id, title);
    else setTitle(meta.title);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') event.currentTarget.blur();
    if (event.key === 'Escape') {
      setTitle(meta.title);
      requestAnimationFrame(() => (event.target as HTMLInputElement).blur());
    }
  };

  return (
    <div className="title-bar">
      {profiled(
        'title',
        <div className="title-bar-main">
          <input
            className="playbook-title-input"
            value={title}
            maxLength={PLAYBOOK_TITLE_MAX}
            aria-label="Playbook title"
            data-testid="playbook-title"
            onChange={(e) => setTitle(e.target.value)}
            onBlur={commit}
            onKeyDown={handleKeyDown}
          />
          <div className="title-bar-meta">
            <span className="template-tag">{PLAYBOOK_TEMPLATE_INFO[meta.template].label}</span>
            {meta.owner && <span>by {meta.owner}</span>}
            <SaveStateLabel session={session} onRetry={() => workspace.retrySync()} />
          </div>
        </div>,
      )}
      <div className="title-bar-actions">
        {session.link && profiled('presence', <PresenceBar awareness={session.link.provider.awareness} />)}
        {deckReady ? (
          <DeckActions playbookTitle={meta.title} playbookDoc={session.doc} evidence={evidence} caution={caution} />
        ) : (
          PENDING_DECK_ACTIONS
        )}
        {extraActions}
        {onToggleReview && (
          <button
            type="button"
            className={reviewOpen ? 'button button-small is-active' : 'button button-small'}
            onClick={onToggleReview}
            disabled={reviewDisabled}
            aria-pressed={reviewOpen}
            title="Which narratives win deals"
            data-testid="review-toggle"
          >
            {reviewOpen ? 'Back to text' : 'Win/loss review'}
          </button>
        )}
        <button
          type="button"
          hidden={reviewOpen}
          className={showOutline ? 'button button-small is-active' : 'button button-small'}
          onClick={onToggleOutline}
          aria-pressed={showOutline}
          title="Show or hide the outline"
        >
          Outline <Kbd keys="Mod+\" />
        </button>
      </div>
    </div>
  );
}
