/**
 * How a deal ended, and its labels: apart from deal.ts (which builds zod schemas) so that code needing only
 * the labels — the search worker's first chunk, which describes results — does not carry zod.
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
