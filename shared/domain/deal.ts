/**
 * A salesperson's record of one deal: which narratives they used, how each landed, and how the deal went.
 * Stored in `{workspace}/notes/{playbookId}`, keyed by narrative id so it follows a narrative through edits.
 */
import { z } from '../zod';
import { DEAL_OUTCOMES, type DealOutcome } from './dealOutcome';

export { DEAL_OUTCOME_LABELS, DEAL_OUTCOMES, type DealOutcome } from './dealOutcome';

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
  /** The version of the narrative in force when the deal was logged (absent on older deals and imports). */
  versionId?: string;
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

/** Labels for receptions. */
export const RECEPTION_LABELS: Record<Reception, string> = {
  resonated: 'Resonated',
  neutral: 'Neutral',
  'fell-flat': 'Fell flat',
};

/** Labels for perspectives. */
export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  rep: "Rep's read",
  'buyer-confirmed': 'Confirmed by the buyer',
};

/** Size limits: every field comes from people, peers or CSV files, so none is unbounded. */
export const DEAL_LIMITS = {
  account: 200,
  dealName: 200,
  crmId: 100,
  competitor: 120,
  stage: 80,
  persona: 120,
  note: 5000,
  author: 80,
  narratives: 50,
  /** Largest amount accepted, in the deal's currency. */
  amount: 1e13,
} as const;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written yyyy-mm-dd (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false;
  // Arithmetic, not `new Date(...)`: every deal read or imported is checked, 20,000 at a time.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Plain text of at most `max` characters, trimmed. Formula-looking text stays text: nothing evaluates it. */
const text = (max: number, ...more: z.core.$ZodCheck<string>[]) =>
  z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters.`), ...more);

/** The fields a person (or an import) supplies for a deal; validated before anything is written. */
export const dealInputSchema = z.object({
  account: text(DEAL_LIMITS.account, z.minLength(1, 'Enter the account.')),
  dealName: text(DEAL_LIMITS.dealName),
  crmId: text(DEAL_LIMITS.crmId),
  /** Null when the deal has no amount (a blank cell is not a zero: it would drag averages down). */
  amount: z.nullable(
    z
      .number({ error: 'Enter an amount (a number).' })
      .check(
        z.minimum(0, 'The amount cannot be negative.'),
        z.maximum(DEAL_LIMITS.amount, 'That amount is too large.'),
      ),
  ),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR or USD.')),
  stage: text(DEAL_LIMITS.stage),
  persona: text(DEAL_LIMITS.persona),
  outcome: z.enum(DEAL_OUTCOMES),
  competitor: text(DEAL_LIMITS.competitor),
  closeDate: z.string().check(z.refine(isIsoDate, 'Enter the date as yyyy-mm-dd.')),
  narratives: z
    .array(
      z.object({
        narrativeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Unknown narrative.')),
        reception: z.enum(RECEPTIONS),
        versionId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
      }),
    )
    .check(
      z.maxLength(DEAL_LIMITS.narratives),
      z.refine((uses) => new Set(uses.map((u) => u.narrativeId)).size === uses.length, 'A narrative is listed twice.'),
    ),
  note: text(DEAL_LIMITS.note),
  perspective: z.enum(PERSPECTIVES),
});

/** What the quick form and the importer produce. */
export type DealInput = z.infer<typeof dealInputSchema>;

/** A stored deal: the input plus who wrote it and when (epoch ms). */
export interface DealEntry extends DealInput {
  id: string;
  /** The author's display name, as they wrote it (shown; never trusted for access). */
  author: string;
  /**
   * The author's member id on the workspace's sync server — what the server checks before it accepts a
   * change to this deal. Absent on deals logged before a server vouched for anyone (a local workspace, or
   * older deals): only a storyteller may change those once the workspace syncs.
   */
  authorId?: string;
  createdAt: number;
  updatedAt: number;
}

/** One change to one field, as shown in the edit history. */
export interface DealFieldChange {
  field: keyof DealInput;
  from: string;
  to: string;
}

/** One edit of a deal: when, by whom, what changed. The history is append-only. */
export interface DealEdit {
  at: number;
  author: string;
  changes: DealFieldChange[];
}

/** Fields of DealInput in display order (used by history and CSV export). */
export const DEAL_INPUT_FIELDS = Object.keys(dealInputSchema.shape) as (keyof DealInput)[];

/**
 * Reads an amount as people and CRMs write it: "48000", "48,000.50", "48.000,50", "48 000", "€48k" is refused.
 * A lone separator followed by exactly three digits is a thousands separator ("48,000" → 48000); otherwise
 * the last separator is the decimal one. Currency symbols and codes around the number are ignored. Returns
 * null when the text is not an amount, rather than guessing.
 */
export function parseLocaleAmount(raw: string): number | null {
  let text = raw
    .trim()
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
    .replace(/[€$£¥\s\u00a0\u202f']/g, '');
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const separators = text.match(/[.,]/g) ?? [];
  const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (separators.length > 0) {
    const kinds = new Set(separators);
    const decimals = text.length - lastSep - 1;
    const lastIsDecimal = kinds.size === 2 || (separators.length === 1 && decimals !== 3);
    if (kinds.size === 2 && separators.filter((s) => s === text[lastSep]).length > 1) return null;
    const intPart = (lastIsDecimal ? text.slice(0, lastSep) : text).replace(/[.,]/g, '');
    text = lastIsDecimal ? `${intPart}.${text.slice(lastSep + 1)}` : intPart;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Date orders a CSV may use; ISO is always recognised. */
export type DateOrder = 'dmy' | 'mdy';

/**
 * Reads a date as yyyy-mm-dd from ISO ("2026-05-14", also with a time), or d/m/y vs m/d/y per `order`
 * ("14/05/2026", "5/14/2026", "14.05.2026"). Null when it is not a real date or is ambiguous to read.
 */
export function parseLocaleDate(raw: string, order: DateOrder = 'dmy'): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return isIsoDate(`${iso[1]}-${iso[2]}-${iso[3]}`) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (!local) return null;
  const [a, b, year] = [Number(local[1]), Number(local[2]), local[3]!];
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}
