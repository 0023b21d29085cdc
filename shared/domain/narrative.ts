/** The vocabulary of a narrative section: the fields a storyteller fills in and sales later reports against. */

/** Lifecycle of a narrative; only `approved` ones are meant for customer-facing use. */
export const NARRATIVE_STATUSES = ['draft', 'in-review', 'approved', 'retired'] as const;
export type NarrativeStatus = (typeof NARRATIVE_STATUSES)[number];

/** Human labels for statuses, shown on badges and in menus. */
export const NARRATIVE_STATUS_LABELS: Record<NarrativeStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  retired: 'Retired',
};

/** Buying stages a narrative is written for, in funnel order. */
export const BUYING_STAGES = ['awareness', 'consideration', 'evaluation', 'decision', 'expansion'] as const;
export type BuyingStage = (typeof BUYING_STAGES)[number];

/** Human labels for buying stages. */
export const BUYING_STAGE_LABELS: Record<BuyingStage, string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  evaluation: 'Evaluation',
  decision: 'Decision',
  expansion: 'Expansion',
};

/** Limits on field sizes: a narrative's metadata is short by nature, and unbounded input is an attack surface. */
export const NARRATIVE_LIMITS = {
  persona: 120,
  owner: 120,
  proofPoint: 500,
  proofPoints: 30,
  title: 300,
} as const;

/** The metadata of a narrative that lives beside its rich text. */
export interface NarrativeFields {
  status: NarrativeStatus;
  persona: string;
  stage: BuyingStage | '';
  owner: string;
  proofPoints: string[];
}

/** A narrative as the rest of the app sees it (outline, review, decks): fields plus its text. */
export interface NarrativeSummary extends NarrativeFields {
  id: string;
  title: string;
  keyMessage: string;
}

/** True when `value` is a known status. */
export function isNarrativeStatus(value: unknown): value is NarrativeStatus {
  return typeof value === 'string' && (NARRATIVE_STATUSES as readonly string[]).includes(value);
}

/** True when `value` is a known buying stage. */
export function isBuyingStage(value: unknown): value is BuyingStage {
  return typeof value === 'string' && (BUYING_STAGES as readonly string[]).includes(value);
}

/**
 * Brings untrusted field values (pasted JSON, a remote peer, an imported file) into shape: unknown enums fall
 * back to defaults, strings are trimmed to their limits, proof points lose blanks. Never throws.
 */
export function normalizeNarrativeFields(input: Partial<Record<keyof NarrativeFields, unknown>>): NarrativeFields {
  const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
  const proofPoints = Array.isArray(input.proofPoints)
    ? input.proofPoints
        .filter((p): p is string => typeof p === 'string')
        .map((p) => p.trim().slice(0, NARRATIVE_LIMITS.proofPoint))
        .filter((p) => p.length > 0)
        .slice(0, NARRATIVE_LIMITS.proofPoints)
    : [];
  return {
    status: isNarrativeStatus(input.status) ? input.status : 'draft',
    persona: text(input.persona, NARRATIVE_LIMITS.persona),
    stage: isBuyingStage(input.stage) ? input.stage : '',
    owner: text(input.owner, NARRATIVE_LIMITS.owner),
    proofPoints,
  };
}
