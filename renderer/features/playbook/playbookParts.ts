/**
 * What the open playbook's features (notes, versions, governance: PlaybookFeatures.tsx, loaded after the
 * text is on screen) hand to the editor and its title bar. Until they are in, the playbook shows with
 * NO_PARTS: the text is editable and the title bar's buttons are there, disabled.
 */
import type { ReactNode } from 'react';
import type { NarrativeSummary } from '@shared/domain/narrative';
import type { EvidenceSource } from '@shared/deck/deckModel';
import type { NarrativeGovernanceSource } from '../../editor/plugins/narrativeGovernanceSource';
import type { NarrativeCaution } from '../deck';

/** The features' contribution to the open playbook's screen. */
export interface PlaybookParts {
  /** False until the features are loaded (their buttons show disabled). */
  ready: boolean;
  /** The history, the activity or the review, shown instead of the text. */
  overlay?: ReactNode;
  onLogDeal?: (narrative: NarrativeSummary) => void;
  governance?: NarrativeGovernanceSource;
  reviewOpen: boolean;
  onToggleReview?: () => void;
  evidence?: EvidenceSource;
  caution?: NarrativeCaution;
  /** The title bar's history and activity toggles. */
  extraActions?: ReactNode;
  /** Under the title bar (what changed since this reader last looked). */
  banner?: ReactNode;
  /** The deal form or the anchored note dialog, when open. */
  dialogs?: ReactNode;
}

/** Before the features are loaded. */
export const NO_PARTS: PlaybookParts = { ready: false, reviewOpen: false };
