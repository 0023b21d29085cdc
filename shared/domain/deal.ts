/**
 * A salesperson's record of one deal: which narratives they used, how each landed, and how the deal went.
 * Stored in `{workspace}/notes/{playbookId}`, keyed by narrative id so it follows a narrative through edits.
 */

/** How a deal ended (or that it has not yet). */
export const DEAL_OUTCOMES = ['won', 'lost-competitor', 'lost-no-decision', 'open'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

/** Labels for outcomes. */
export const DEAL_OUTCOME_LABELS: Record<DealOutcome, string> = {
  won: 'Won',
  'lost-competitor': 'Lost to competitor',
  'lost-no-decision': 'Lost, no decision',
  open: 'Open',
};

/** How a narrative landed with the buyer. */
export const RECEPTIONS = ['resonated', 'neutral', 'fell-flat'] as const;
export type Reception = (typeof RECEPTIONS)[number];

/** Whose read of the deal this is. */
export const PERSPECTIVES = ['rep', 'buyer-confirmed'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** One narrative used in a deal. */
export interface NarrativeUse {
  narrativeId: string;
  reception: Reception;
}

/** The fields the review needs from a deal (the full entry has more: account, amount, note…). */
export interface DealFacts {
  outcome: DealOutcome;
  /** ISO date (yyyy-mm-dd) the deal closed, or was last updated while open. */
  closeDate: string;
  competitor: string;
  stage: string;
  persona: string;
  narratives: readonly NarrativeUse[];
}

/** True for outcomes that count in a win rate (won or lost, not open). */
export function isDecided(outcome: DealOutcome): boolean {
  return outcome !== 'open';
}
