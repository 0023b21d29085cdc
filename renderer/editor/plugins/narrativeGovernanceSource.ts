/**
 * What the narrative chrome needs from governance (the approvals feature implements it): each narrative's
 * badge, derived from the approval records and its content hash — never from the status field a writer
 * can type — and the ways to act on it. The editor only shows what it is given; it decides nothing.
 */
import type { NarrativeStatus } from '@shared/domain/narrative';

/** One narrative's badge. */
export interface NarrativeBadge {
  /** Governance state, also the badge's class (`status-approved`, `status-changed`, …). */
  state: string;
  /** Badge words: "Approved", "Changed since approved", "In review"… */
  label: string;
  /** Why it is stale (e.g. "Review was due 2026-03-01"), or null when it is not. */
  stale: string | null;
  /** The status field this state corresponds to (what the details dialog shows as chosen). */
  status: NarrativeStatus;
  /** What the approval button offers this person, or null for nothing (readers). */
  action: string | null;
}

/** Badges and actions for every narrative of the open playbook. */
export interface NarrativeGovernanceSource {
  /** Subscribes to any badge change; returns the disposer. */
  subscribe(listener: () => void): () => void;
  /** The badge of a narrative (the same object until it changes), or undefined before it is known. */
  badge(narrativeId: string): NarrativeBadge | undefined;
  /** Opens the approval dialog of a narrative. */
  openApproval(narrativeId: string): void;
  /** A status picked in the details dialog, carried out as the records it means; false if not allowed. */
  chooseStatus(narrativeId: string, status: NarrativeStatus): boolean;
  /** Statuses this person may not pick, with the sentence that says why. */
  lockedStatuses(): { statuses: readonly NarrativeStatus[]; reason: string };
}
