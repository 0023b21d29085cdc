/**
 * The figures a goal is reported in: one period's count with its interval, and the narratives an approval-age
 * goal finds overdue. Apart from goalProgress.ts, which measures every kind of goal (and so imports the
 * approval-age goal, which needs these shapes too).
 */
import type { RateInterval } from './wilson';

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

/** An approved narrative whose approval is older than its goal allows. */
export interface OverdueApproval {
  narrativeId: string;
  title: string;
  /** The day it was approved (yyyy-mm-dd). */
  approvedOn: string;
  /** Whole days since then. */
  days: number;
}
