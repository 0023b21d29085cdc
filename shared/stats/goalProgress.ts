/**
 * A shared goal measured from the deal log: its value this period with a 95% Wilson interval, the same
 * figure for the period before (the trend), and a verdict that says whether the data can tell yet.
 *
 * "On track" needs the whole interval at or above the target and "off track" the whole interval below it;
 * anything else is "not enough data to tell" — a goal is never called met on three lucky deals. The
 * `approval-age` goal counts approvals instead of deals (`approvalAgeGoal.ts`).
 */
import type { DealFacts } from '../domain/deal';
import type { Goal } from '../collab/goals';
import { approvalAgeFigures, NO_APPROVAL_FACTS, type ApprovalFacts } from './approvalAgeGoal';
import { goalPeriod } from './goalPeriod';
import type { GoalFigure, OverdueApproval } from './goalFigure';
import { wilsonInterval } from './wilson';

export { goalPeriod } from './goalPeriod';
export type { GoalFigure, OverdueApproval } from './goalFigure';

/** Whether a goal is met, as far as the deals can tell. */
export type GoalStatus = 'on-track' | 'off-track' | 'too-early';

/** The direction of a goal's value against the previous period. */
export type GoalTrend = 'up' | 'down' | 'flat' | 'unknown';

/** A goal measured. */
export interface GoalProgress {
  goalId: string;
  current: GoalFigure;
  previous: GoalFigure;
  target: number;
  status: GoalStatus;
  trend: GoalTrend;
  /** `approval-age` only: the approved narratives past the limit today, oldest first. */
  overdue?: OverdueApproval[];
}

/** Counts the goal's successes and trials among deals closed within [from, to]. */
function count(goal: Goal, deals: readonly DealFacts[], from: string, to: string): [number, number] {
  let successes = 0;
  let trials = 0;
  for (const deal of deals) {
    if (deal.closeDate < from || deal.closeDate > to) continue;
    if (goal.persona && deal.persona !== goal.persona) continue;
    if (goal.metric === 'win-rate') {
      if (deal.outcome === 'open') continue;
      if (goal.competitor && deal.competitor !== goal.competitor) continue;
      trials++;
      if (deal.outcome === 'won') successes++;
    } else if (goal.metric === 'narrative-usage') {
      trials++;
      if (deal.narratives.some((u) => u.narrativeId === goal.narrativeId)) successes++;
    }
  }
  return [successes, trials];
}

function figure(goal: Goal, deals: readonly DealFacts[], today: string, back: number): GoalFigure {
  const period = goalPeriod(today, goal.period, back);
  const [successes, trials] = count(goal, deals, period.from, period.to);
  return { ...period, successes, trials, value: wilsonInterval(successes, trials) };
}

/**
 * Measures `goal` as of `today` (yyyy-mm-dd): over `deals`, or — for an `approval-age` goal — over the
 * playbook's approval records (`approvals`; none given reads as "nothing approved yet").
 */
export function measureGoal(
  goal: Goal,
  deals: readonly DealFacts[],
  today: string,
  approvals: ApprovalFacts = NO_APPROVAL_FACTS,
): GoalProgress {
  const census = goal.metric === 'approval-age' ? approvalAgeFigures(goal, approvals, today) : null;
  const current = census?.current ?? figure(goal, deals, today, 0);
  const previous = census?.previous ?? figure(goal, deals, today, 1);
  // A census's interval is its value, so the same rule reads "reaches the target" / "falls short of it".
  const status: GoalStatus =
    current.trials > 0 && current.value.low >= goal.target
      ? 'on-track'
      : current.trials > 0 && current.value.high < goal.target
        ? 'off-track'
        : 'too-early';
  const progress = {
    goalId: goal.id,
    current,
    previous,
    target: goal.target,
    status,
    trend: goalTrend(current, previous),
  };
  return census ? { ...progress, overdue: census.overdue } : progress;
}

/** Up, down or flat (within 2 points) from the previous figure; unknown when either has no data. */
export function goalTrend(current: GoalFigure, previous: GoalFigure): GoalTrend {
  if (current.value.rate === null || previous.value.rate === null) return 'unknown';
  const delta = current.value.rate - previous.value.rate;
  return Math.abs(delta) < 0.02 ? 'flat' : delta > 0 ? 'up' : 'down';
}

/** Plain words for a status, as the goals page and the minutes say it. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  'on-track': 'On track',
  'off-track': 'Off track',
  'too-early': 'Not enough data to tell',
};
