/**
 * Read/write/observe helpers for `{workspace}/approvals/{playbookId}`: the storytellers' decisions on a
 * playbook's narratives. Only storytellers may write this document — the server drops anyone else's
 * updates (`shared/domain/permissions.ts`) — so an approval here is a storyteller's word, whatever a client
 * shows. Each decision points at a narrative id and the hash of the content it approved
 * (`shared/governance/contentHash.ts`); a narrative whose words no longer have that hash is "changed since
 * approved" without anybody resetting anything.
 *
 * Shape: `Y.Map` `decisions`: decision id → record (`ApprovalDecision`, append-only: a later decision
 * supersedes an earlier one by time); `Y.Map` `policy`: `reviewDays` → the playbook's default review period.
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isValidId } from '../domain/ids';

const DECISIONS = 'decisions';
const POLICY = 'policy';

/** What a storyteller decided. */
export const DECISION_KINDS = ['approve', 'send-back'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Limits on what a record may hold (peers are untrusted input too). */
export const APPROVAL_LIMITS = { comment: 1000, by: 80, title: 300, reviewDaysMax: 3650 } as const;

/** Default review period after an approval, in days. */
export const DEFAULT_REVIEW_DAYS = 90;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One decision, as stored. */
export const approvalDecisionSchema = z.object({
  narrativeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  kind: z.enum(DECISION_KINDS),
  /** SHA-256 (hex) of the narrative's content when decided. */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The narrative's title then (the feed names narratives that have since been deleted). */
  title: z.string().check(z.maxLength(APPROVAL_LIMITS.title)),
  by: z.string().check(z.maxLength(APPROVAL_LIMITS.by)),
  at: z.number().check(z.nonnegative()),
  comment: z
    .string()
    .check(z.trim(), z.maxLength(APPROVAL_LIMITS.comment, `At most ${APPROVAL_LIMITS.comment} characters.`)),
  /** For an approval: review again by this day (yyyy-mm-dd); '' for none. */
  reviewBy: z.union([day, z.literal('')]),
  /** The version saved with the approval (the diff's "approved" side). */
  versionId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
});

/** A decision with its id. */
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema> & { id: string };

function byTime<T extends { at: number; id: string }>(a: T, b: T): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every valid decision, oldest first (ties by id, so every device orders them alike). */
export function readDecisions(doc: Y.Doc): ApprovalDecision[] {
  const out: ApprovalDecision[] = [];
  doc.getMap<unknown>(DECISIONS).forEach((value, id) => {
    if (!isValidId(id)) return;
    const parsed = approvalDecisionSchema.safeParse(value);
    if (parsed.success) out.push({ ...parsed.data, id });
  });
  return out.sort(byTime);
}

/** Adds a decision (records are never edited: a new decision supersedes). */
export function addDecision(doc: Y.Doc, decision: ApprovalDecision): void {
  const { id, ...record } = decision;
  const map = doc.getMap<unknown>(DECISIONS);
  if (!isValidId(id) || map.has(id)) throw new Error(`[approvals] bad or taken decision id ${id}`);
  map.set(id, approvalDecisionSchema.parse(record));
}

/** The playbook's default review period in days (DEFAULT_REVIEW_DAYS unless a storyteller set one). */
export function readReviewDays(doc: Y.Doc): number {
  const value = doc.getMap<unknown>(POLICY).get('reviewDays');
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= APPROVAL_LIMITS.reviewDaysMax
    ? value
    : DEFAULT_REVIEW_DAYS;
}

/** Sets the default review period (whole days, 1–3650). */
export function setReviewDays(doc: Y.Doc, days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > APPROVAL_LIMITS.reviewDaysMax)
    throw new Error(`[approvals] review period out of range: ${days}`);
  doc.getMap<unknown>(POLICY).set('reviewDays', days);
}

/** Subscribes to decisions and policy; returns the disposer. */
export function observeApprovals(doc: Y.Doc, onChange: () => void): () => void {
  const decisions = doc.getMap<unknown>(DECISIONS);
  const policy = doc.getMap<unknown>(POLICY);
  const handle = (): void => onChange();
  decisions.observe(handle);
  policy.observe(handle);
  return () => {
    decisions.unobserve(handle);
    policy.unobserve(handle);
  };
}
