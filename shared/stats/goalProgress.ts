/**
 * A shared goal measured from the deal log: its value this period with a 95% Wilson interval, the same
 * figure for the period before (the trend), and a verdict that says whether the data can tell yet.
 *
 * "On track" needs the whole interval at or above the target and "off track" the whole interval below it;
 * anything else is "not enough data to tell" — a goal is never called met on three lucky deals.
 */
import type { DealFacts } from '../domain/deal';
import type { Goal, GoalPeriod } from '../collab/goals';
import { wilsonInterval, type RateInterval } from './wilson';

/** Whether a goal is met, as far as the deals can tell. */
export type GoalStatus = 'on-track' | 'off-track' | 'too-early';

/** The direction of a goal's value against the previous period. */
export type GoalTrend = 'up' | 'down' | 'flat' | 'unknown';

/** One period's figure of a goal. */
export interface GoalFigure {
  /** First and last day of the period, yyyy-mm-dd inclusive. */
  from: string;
  to: string;
  /** "Q2 2026" or "May 2026". */
  label: string;
  successes: number;
  trials: number;
  value: RateInterval;
}

/** A goal measured. */
export interface GoalProgress {
  goalId: string;
  current: GoalFigure;
  previous: GoalFigure;
  target: number;
  status: GoalStatus;
  trend: GoalTrend;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next month
}

/**
 * The period of `unit` containing `date` (yyyy-mm-dd), or `back` periods before it.
 */
export function goalPeriod(date: string, unit: GoalPeriod, back = 0): { from: string; to: string; label: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)); // 1-12
  const size = unit === 'quarter' ? 3 : 1;
  const first = Math.floor((month - 1) / size) * size + 1 - back * size; // may run below 1
  const y = year + Math.floor((first - 1) / 12);
  const m = ((((first - 1) % 12) + 12) % 12) + 1;
  const endMonth = m + size - 1;
  const label = unit === 'quarter' ? `Q${(m - 1) / 3 + 1} ${y}` : `${MONTHS[m - 1]} ${y}`;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`, label };
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
    } else {
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

/** Measures `goal` over `deals` as of `today` (yyyy-mm-dd). */
export function measureGoal(goal: Goal, deals: readonly DealFacts[], today: string): GoalProgress {
  const current = figure(goal, deals, today, 0);
  const previous = figure(goal, deals, today, 1);
  const status: GoalStatus =
    current.trials > 0 && current.value.low >= goal.target
      ? 'on-track'
      : current.trials > 0 && current.value.high < goal.target
        ? 'off-track'
        : 'too-early';
  let trend: GoalTrend = 'unknown';
  if (current.value.rate !== null && previous.value.rate !== null) {
    const delta = current.value.rate - previous.value.rate;
    trend = Math.abs(delta) < 0.02 ? 'flat' : delta > 0 ? 'up' : 'down';
  }
  return { goalId: goal.id, current, previous, target: goal.target, status, trend };
}

/** Plain words for a status, as the goals page and the minutes say it. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  'on-track': 'On track',
  'off-track': 'Off track',
  'too-early': 'Not enough data to tell',
};
