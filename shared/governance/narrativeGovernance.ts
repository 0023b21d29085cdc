/**
 * Where a narrative stands, derived from the records alone — never from a status someone typed: the latest
 * record about it (a storyteller's decision, or a writer's request / retire / reopen) decides its state, and
 * an approval counts only while the narrative still has the approved content's hash. Stale is on top of the
 * state: past the review-by date of its approval, or flagged by the review's "needs attention" rule.
 */
import type { ApprovalDecision } from '../collab/approvals';
import type { WorkflowRecord } from '../collab/reviewRequests';

/** Where a narrative stands in its workflow. */
export const GOVERNANCE_STATES = ['draft', 'in-review', 'approved', 'changed', 'sent-back', 'retired'] as const;
export type GovernanceState = (typeof GOVERNANCE_STATES)[number];

/** Badge words per state. */
export const GOVERNANCE_LABELS: Record<GovernanceState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  changed: 'Changed since approved',
  'sent-back': 'Sent back',
  retired: 'Retired',
};

/** Why a narrative is stale. */
export type StaleReason = { kind: 'overdue'; reviewBy: string } | { kind: 'attention' };

/** The records of one playbook that governance reads. */
export interface GovernanceRecords {
  decisions: readonly ApprovalDecision[];
  workflow: readonly WorkflowRecord[];
}

/** One record about a narrative, whichever document it came from. */
export type GovernanceEvent = ApprovalDecision | WorkflowRecord;

/** A narrative's governance, derived. */
export interface NarrativeGovernance {
  narrativeId: string;
  state: GovernanceState;
  /** The latest approval of it (also when superseded by a later record), or null. */
  approval: ApprovalDecision | null;
  /** True when it was approved once and its content no longer has the approved hash. */
  changedSinceApproved: boolean;
  /** The latest record about it, or null. */
  last: GovernanceEvent | null;
  /** Empty when not stale. */
  stale: StaleReason[];
}

/** What the stale rule needs beside the records. */
export interface StaleContext {
  /** Today, yyyy-mm-dd (local day of the person looking). */
  today: string;
  /** Narratives the review's "needs attention" rule flags. */
  attention: ReadonlySet<string>;
}

/** Records grouped by narrative, oldest first — build once per change of the records, read per narrative. */
export function eventsByNarrative(records: GovernanceRecords): Map<string, GovernanceEvent[]> {
  const out = new Map<string, GovernanceEvent[]>();
  for (const event of [...records.decisions, ...records.workflow]) {
    const list = out.get(event.narrativeId);
    if (list) list.push(event);
    else out.set(event.narrativeId, [event]);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

function isDecision(event: GovernanceEvent): event is ApprovalDecision {
  return 'hash' in event;
}

function stateAfter(event: GovernanceEvent | null, hash: string): GovernanceState {
  if (event === null) return 'draft';
  switch (event.kind) {
    case 'approve':
      return isDecision(event) && event.hash === hash ? 'approved' : 'changed';
    case 'send-back':
      return 'sent-back';
    case 'request':
      return 'in-review';
    case 'retire':
      return 'retired';
    case 'reopen':
      return 'draft';
  }
}

/** The governance of one narrative whose content now has `hash`; `events` from `eventsByNarrative`. */
export function governanceOf(
  narrativeId: string,
  hash: string,
  events: readonly GovernanceEvent[],
  context: StaleContext,
): NarrativeGovernance {
  const last = events.at(-1) ?? null;
  let approval: ApprovalDecision | null = null;
  for (const event of events) if (isDecision(event) && event.kind === 'approve') approval = event;
  const state = stateAfter(last, hash);
  const stale: StaleReason[] = [];
  if (state !== 'retired') {
    const reviewBy = state === 'approved' || state === 'changed' ? (approval?.reviewBy ?? '') : '';
    if (reviewBy !== '' && context.today > reviewBy) stale.push({ kind: 'overdue', reviewBy });
    if (context.attention.has(narrativeId)) stale.push({ kind: 'attention' });
  }
  return {
    narrativeId,
    state,
    approval,
    changedSinceApproved: approval !== null && approval.hash !== hash,
    last,
    stale,
  };
}

/** True for narratives a deck should not show without a second thought: draft-like, changed or stale. */
export function needsCaution(g: NarrativeGovernance): boolean {
  return g.state !== 'approved' || g.stale.length > 0;
}

/** One line on why: "Changed since approved", "Review overdue since 2026-03-01", "Needs attention"… */
export function describeGovernance(g: NarrativeGovernance): string {
  const parts = [GOVERNANCE_LABELS[g.state]];
  if (g.state === 'in-review' && g.changedSinceApproved) parts.push('changed since approved');
  for (const reason of g.stale)
    parts.push(reason.kind === 'overdue' ? `review was due ${reason.reviewBy}` : 'the review says it needs attention');
  return parts.join(' · ');
}

/** `day` (yyyy-mm-dd) plus `days`, as yyyy-mm-dd (calendar arithmetic in UTC, so no DST drift). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
