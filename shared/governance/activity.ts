/**
 * The activity feed of a playbook: who requested review, approved, sent back, retired, reopened or restored
 * what, and when — built from the records (decisions, workflow records, restore versions), never from free
 * text, so it cannot say something that did not happen.
 */
import type { ApprovalDecision } from '../collab/approvals';
import type { WorkflowRecord } from '../collab/reviewRequests';
import type { VersionMeta } from '../collab/versions';

/** Kinds of activity, as the filter offers them. */
export const ACTIVITY_KINDS = ['requested', 'approved', 'sent-back', 'retired', 'reopened', 'restored'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Verbs per kind ("Maya approved “Positioning”"). */
export const ACTIVITY_VERBS: Record<ActivityKind, string> = {
  requested: 'requested review of',
  approved: 'approved',
  'sent-back': 'sent back',
  retired: 'retired',
  reopened: 'reopened as a draft',
  restored: 'restored',
};

/** One entry of the feed. */
export interface ActivityEntry {
  id: string;
  kind: ActivityKind;
  by: string;
  at: number;
  /** The narrative it is about; null for a playbook-wide restore. */
  narrativeId: string | null;
  title: string;
  /** The comment or note given with it ('' for none). */
  note: string;
}

const WORKFLOW_ACTIVITY = { request: 'requested', retire: 'retired', reopen: 'reopened' } as const;

/** The feed, newest first. */
export function buildActivity(
  decisions: readonly ApprovalDecision[],
  workflow: readonly WorkflowRecord[],
  versions: readonly VersionMeta[],
): ActivityEntry[] {
  const entries: ActivityEntry[] = [
    ...decisions.map((d) => ({
      id: d.id,
      kind: d.kind === 'approve' ? ('approved' as const) : ('sent-back' as const),
      by: d.by,
      at: d.at,
      narrativeId: d.narrativeId,
      title: d.title,
      note: d.comment,
    })),
    ...workflow.map((w) => ({
      id: w.id,
      kind: WORKFLOW_ACTIVITY[w.kind],
      by: w.by,
      at: w.at,
      narrativeId: w.narrativeId,
      title: w.title,
      note: w.note,
    })),
    ...versions
      .filter((v) => v.kind === 'restore')
      .map((v) => ({
        id: v.id,
        kind: 'restored' as const,
        by: v.author,
        at: v.createdAt,
        narrativeId: null,
        title: v.name,
        note: v.note,
      })),
  ];
  return entries.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The people who appear in the feed, sorted, for the person filter. */
export function activityPeople(entries: readonly ActivityEntry[]): string[] {
  return [...new Set(entries.map((e) => e.by || 'Someone'))].sort((a, b) => a.localeCompare(b));
}

/** Entries by `person` (or anyone: '') of `kind` (or any: ''). */
export function filterActivity(
  entries: readonly ActivityEntry[],
  filter: { person: string; kind: ActivityKind | '' },
): ActivityEntry[] {
  return entries.filter(
    (e) =>
      (filter.person === '' || (e.by || 'Someone') === filter.person) && (filter.kind === '' || e.kind === filter.kind),
  );
}
