/**
 * Read/write/observe helpers for `{workspace}/goals/{workspace}`: the goals sales and marketing share.
 *
 * Shape: `Y.Map` `goals` maps goal id → one JSON record (`GoalRecord`). A goal is a definition only — what
 * to measure from which playbook's deal log, and the target; its value is always computed from the deals
 * (`shared/stats/goalProgress.ts`), never stored, so it cannot go stale. The server lets storytellers and
 * marketing write this document; everyone reads it.
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isValidId } from '../domain/ids';

const GOALS = 'goals';

/** What a goal measures. */
export const GOAL_METRICS = ['win-rate', 'narrative-usage', 'approval-age'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** The stretch of time a goal is measured over (calendar quarter or month containing today). */
export const GOAL_PERIODS = ['quarter', 'month'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

/** Limits on what people (or peers) put in a goal. */
export const GOAL_LIMITS = { title: 160, filter: 120, goals: 200, maxAgeDays: 3650 } as const;

/** An `approval-age` goal without its own limit: approvals older than this many days count against it. */
export const DEFAULT_MAX_APPROVAL_AGE_DAYS = 90;

const filterText = z.string().check(z.trim(), z.maxLength(GOAL_LIMITS.filter));

/** A goal as stored. */
export const goalRecordSchema = z.object({
  title: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Name the goal.'),
      z.maxLength(GOAL_LIMITS.title, `At most ${GOAL_LIMITS.title} characters.`),
    ),
  playbookId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Pick a playbook.')),
  /**
   * `win-rate`: won ÷ decided deals (optionally only against `competitor`, only with `persona`).
   * `narrative-usage`: deals that used `narrativeId` ÷ all deals (optionally only with `persona`).
   * `approval-age`: approved narratives approved at most `maxAgeDays` ago ÷ all approved narratives, read
   * from the playbook's approval records rather than the deal log ("no narrative in Approved older than
   * 90 days" is this at a target of 100%).
   */
  metric: z.enum(GOAL_METRICS),
  competitor: filterText,
  persona: filterText,
  narrativeId: z.union([z.literal(''), z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))]),
  /** The proportion to reach, in (0, 1]. */
  target: z.number().check(z.gt(0, 'The target must be above 0%.'), z.maximum(1, 'The target cannot exceed 100%.')),
  period: z.enum(GOAL_PERIODS),
  /** `approval-age` only: the oldest an approval may be, in days (absent: DEFAULT_MAX_APPROVAL_AGE_DAYS). */
  maxAgeDays: z.optional(
    z
      .int('Whole days only.')
      .check(
        z.minimum(1, 'At least one day.'),
        z.maximum(GOAL_LIMITS.maxAgeDays, `At most ${GOAL_LIMITS.maxAgeDays} days.`),
      ),
  ),
  author: z.string().check(z.maxLength(80)),
  createdAt: z.number().check(z.nonnegative()),
});

/** A goal with its id. */
export type Goal = z.infer<typeof goalRecordSchema> & { id: string };

function goalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(GOALS);
}

/** Every valid goal, oldest first (ties by id, so every device lists them alike). */
export function readGoals(doc: Y.Doc): Goal[] {
  const out: Goal[] = [];
  goalsMap(doc).forEach((value, id) => {
    if (!isValidId(id) || typeof value !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return; // a peer's malformed record is not a goal; the rest still show
    }
    const parsed = goalRecordSchema.safeParse(json);
    if (parsed.success) out.push({ ...parsed.data, id });
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Subscribes to the goal list; returns the disposer. */
export function observeGoals(doc: Y.Doc, onChange: (goals: Goal[]) => void): () => void {
  const map = goalsMap(doc);
  const handle = (): void => onChange(readGoals(doc));
  map.observe(handle);
  return () => map.unobserve(handle);
}

/** Adds or replaces a goal (validated; throws on a record the schema refuses — callers validate forms first). */
export function putGoal(doc: Y.Doc, goal: Goal): void {
  const { id, ...record } = goal;
  if (!isValidId(id)) throw new Error(`[goals] bad goal id ${id}`);
  const checked = goalRecordSchema.parse(record);
  if (!goalsMap(doc).has(id) && goalsMap(doc).size >= GOAL_LIMITS.goals) throw new Error('[goals] too many goals');
  goalsMap(doc).set(id, JSON.stringify(checked));
}

/** Removes a goal; false when it was not there. */
export function removeGoal(doc: Y.Doc, id: string): boolean {
  if (!goalsMap(doc).has(id)) return false;
  goalsMap(doc).delete(id);
  return true;
}
