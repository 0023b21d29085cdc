/**
 * The `approval-age` goal ("no narrative in Approved older than 90 days"), measured from a playbook's
 * governance records instead of its deal log: of the narratives in Approved, how many were approved at most
 * `maxAgeDays` ago. It counts every approved narrative — a census, not a sample — so its "interval" is the
 * value itself and the verdict needs no margin: on track when the share reaches the target, off track when
 * it does not, "not enough data" only while nothing is approved.
 *
 * The previous period's figure (the trend) is the same count as of that period's last day, from the
 * records alone: a narrative whose latest record then was an approval counts as approved then. Whether its
 * words had changed by that day is not known (content hashes are only known for today), so the earlier
 * figure can count a narrative the badge would then have called "changed since approved".
 */
import type { ApprovalDecision } from '../collab/approvals';
import { DEFAULT_MAX_APPROVAL_AGE_DAYS, type Goal } from '../collab/goals';
import type { WorkflowRecord } from '../collab/reviewRequests';
import { eventsByNarrative, governanceOf, type GovernanceEvent } from '../governance/narrativeGovernance';
import { goalPeriod } from './goalPeriod';
import type { GoalFigure, OverdueApproval } from './goalFigure';

/** What an `approval-age` goal reads of its playbook. */
export interface ApprovalFacts {
  /** The playbook's narratives now, with the hash of their content (`shared/governance/contentHash.ts`). */
  narratives: readonly { id: string; title: string; hash: string }[];
  decisions: readonly ApprovalDecision[];
  workflow: readonly WorkflowRecord[];
  /** The day (yyyy-mm-dd) a record's time falls on, as the person looking counts days. */
  dayOf: (at: number) => string;
}

/** A playbook with nothing approved (used until its records are read). */
export const NO_APPROVAL_FACTS: ApprovalFacts = {
  narratives: [],
  decisions: [],
  workflow: [],
  dayOf: (at) => new Date(at).toISOString().slice(0, 10),
};

/** What the goal's figures are made of. */
export interface ApprovalAgeFigures {
  current: GoalFigure;
  previous: GoalFigure;
  overdue: OverdueApproval[];
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A census share: the value is known exactly, so its "interval" is the value itself. */
function censusFigure(
  period: { from: string; to: string; label: string },
  fresh: number,
  approved: number,
): GoalFigure {
  const rate = approved === 0 ? null : fresh / approved;
  return {
    ...period,
    successes: fresh,
    trials: approved,
    value: rate === null ? { rate: null, low: 0, high: 1 } : { rate, low: rate, high: rate },
  };
}

function latestApproval(events: readonly GovernanceEvent[]): ApprovalDecision | null {
  const last = events.at(-1);
  return last !== undefined && 'hash' in last && last.kind === 'approve' ? last : null;
}

/** The goal's figure today and at the end of the previous period, and today's overdue narratives. */
export function approvalAgeFigures(goal: Goal, facts: ApprovalFacts, today: string): ApprovalAgeFigures {
  const limit = goal.maxAgeDays ?? DEFAULT_MAX_APPROVAL_AGE_DAYS;
  const events = eventsByNarrative({ decisions: facts.decisions, workflow: facts.workflow });
  const context = { today, attention: new Set<string>() };

  let approvedNow = 0;
  const overdue: OverdueApproval[] = [];
  for (const n of facts.narratives) {
    const g = governanceOf(n.id, n.hash, events.get(n.id) ?? [], context);
    if (g.state !== 'approved' || g.approval === null) continue;
    approvedNow++;
    const approvedOn = facts.dayOf(g.approval.at);
    const days = daysBetween(approvedOn, today);
    if (days > limit) overdue.push({ narrativeId: n.id, title: n.title, approvedOn, days });
  }
  overdue.sort((a, b) => b.days - a.days || a.title.localeCompare(b.title));

  const before = goalPeriod(today, goal.period, 1);
  let approvedThen = 0;
  let overdueThen = 0;
  for (const n of facts.narratives) {
    const then = (events.get(n.id) ?? []).filter((e) => facts.dayOf(e.at) <= before.to);
    const approval = latestApproval(then);
    if (approval === null) continue;
    approvedThen++;
    if (daysBetween(facts.dayOf(approval.at), before.to) > limit) overdueThen++;
  }

  return {
    current: censusFigure({ from: today, to: today, label: 'today' }, approvedNow - overdue.length, approvedNow),
    previous: censusFigure(
      { ...before, label: `the end of ${before.label}` },
      approvedThen - overdueThen,
      approvedThen,
    ),
    overdue,
  };
}

/** One sentence on an `approval-age` figure: "2 of 7 approved narratives are older than 90 days: …". */
export function describeApprovalAge(goal: Goal, figure: GoalFigure, overdue: readonly OverdueApproval[]): string {
  const limit = goal.maxAgeDays ?? DEFAULT_MAX_APPROVAL_AGE_DAYS;
  if (figure.trials === 0) return 'No narrative is approved yet.';
  const approved = `${figure.trials} approved narrative${figure.trials === 1 ? '' : 's'}`;
  if (overdue.length === 0) return `All ${approved} were approved in the last ${limit} days.`;
  const names = overdue
    .slice(0, 3)
    .map((o) => `${(o.title || 'Untitled narrative').slice(0, 80)} (${o.days} days)`)
    .join(', ');
  const more = overdue.length > 3 ? ` and ${overdue.length - 3} more` : '';
  return `${overdue.length} of ${approved} ${overdue.length === 1 ? 'is' : 'are'} older than ${limit} days: ${names}${more}.`;
}
