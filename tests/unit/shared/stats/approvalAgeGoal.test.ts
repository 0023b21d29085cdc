import { describe, expect, it } from 'vitest';
import type { ApprovalDecision } from '../../../../shared/collab/approvals';
import { goalRecordSchema, type Goal } from '../../../../shared/collab/goals';
import type { WorkflowRecord } from '../../../../shared/collab/reviewRequests';
import { proposeAgenda } from '../../../../shared/meetings/proposeAgenda';
import { describeApprovalAge, type ApprovalFacts } from '../../../../shared/stats/approvalAgeGoal';
import { measureGoal } from '../../../../shared/stats/goalProgress';

const HASH = (c: string): string => c.repeat(64);
const at = (day: string): number => Date.parse(`${day}T12:00:00Z`);

function approve(id: string, narrativeId: string, day: string, hash = HASH('a')): ApprovalDecision {
  return {
    id,
    narrativeId,
    kind: 'approve',
    hash,
    title: narrativeId,
    by: 'Maya',
    at: at(day),
    comment: '',
    reviewBy: '',
  };
}

const goal: Goal = {
  id: 'g-fresh',
  title: 'Approvals stay fresh',
  playbookId: 'p1',
  metric: 'approval-age',
  competitor: '',
  persona: '',
  narrativeId: '',
  target: 1,
  period: 'quarter',
  author: 'Maya',
  createdAt: 1,
};

const today = '2026-05-20';
// Five narratives: two approved recently, one approved 140 days ago, one approved long ago but changed since
// (not in Approved any more), one approved and then retired, and one never approved.
const retired: WorkflowRecord = {
  id: 'w1',
  narrativeId: 'old-retired',
  kind: 'retire',
  by: 'Maya',
  at: at('2026-02-01'),
  title: 'Old',
  note: '',
};
const facts: ApprovalFacts = {
  narratives: [
    { id: 'roi', title: 'ROI story', hash: HASH('a') },
    { id: 'soc2', title: 'SOC 2 answer', hash: HASH('a') },
    { id: 'pricing', title: 'Pricing', hash: HASH('a') },
    { id: 'changed', title: 'Changed pitch', hash: HASH('b') },
    { id: 'old-retired', title: 'Old', hash: HASH('a') },
    { id: 'draft', title: 'Draft', hash: HASH('a') },
  ],
  decisions: [
    approve('d1', 'roi', '2026-05-01'),
    approve('d2', 'soc2', '2026-02-19'), // exactly 90 days before today: still within the limit
    approve('d3', 'pricing', '2025-12-31'), // 140 days
    approve('d4', 'changed', '2025-10-01'),
    approve('d5', 'old-retired', '2025-10-01'),
  ],
  workflow: [retired],
  dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
};

describe('the goal "no narrative in Approved older than 90 days"', () => {
  it('counts only narratives in Approved, and flags the one approved 140 days ago', () => {
    const p = measureGoal(goal, [], today, facts);
    expect(p.current).toMatchObject({ successes: 2, trials: 3, label: 'today' });
    // A census: the value is exact, no interval around it.
    expect(p.current.value).toEqual({ rate: 2 / 3, low: 2 / 3, high: 2 / 3 });
    expect(p.overdue).toEqual([{ narrativeId: 'pricing', title: 'Pricing', approvedOn: '2025-12-31', days: 140 }]);
    expect(p.status).toBe('off-track');
    expect(describeApprovalAge(goal, p.current, p.overdue!)).toBe(
      '1 of 3 approved narratives is older than 90 days: Pricing (140 days).',
    );
  });

  it('is on track once the old approval is renewed, and its own limit can be longer', () => {
    const renewed = { ...facts, decisions: [...facts.decisions, approve('d6', 'pricing', '2026-05-19')] };
    expect(measureGoal(goal, [], today, renewed)).toMatchObject({ status: 'on-track', overdue: [] });
    expect(measureGoal({ ...goal, maxAgeDays: 150 }, [], today, facts).status).toBe('on-track');
  });

  it('says there is not enough to tell while nothing is approved (also before the records are read)', () => {
    expect(measureGoal(goal, [], today).status).toBe('too-early');
    const p = measureGoal(goal, [], today, { ...facts, decisions: [] });
    expect(p.status).toBe('too-early');
    expect(describeApprovalAge(goal, p.current, p.overdue!)).toBe('No narrative is approved yet.');
  });

  it('the trend compares with the end of the previous quarter, read from the records of that time', () => {
    // On 2026-03-31: roi not yet approved; soc2 (40 days), pricing (90 days), changed (181 days, and its
    // words' change is not known for then), old-retired retired on 2026-02-01 → 2 of 3 within the limit.
    const p = measureGoal(goal, [], today, facts);
    expect(p.previous).toMatchObject({ label: 'the end of Q1 2026', successes: 2, trials: 3 });
    expect(p.trend).toBe('flat');
  });

  it('a goal record keeps its limit, and refuses a limit that is not whole days', () => {
    const { id: _id, ...record } = { ...goal, maxAgeDays: 60 };
    expect(goalRecordSchema.parse(record).maxAgeDays).toBe(60);
    expect(goalRecordSchema.safeParse({ ...record, maxAgeDays: 1.5 }).success).toBe(false);
    expect(goalRecordSchema.safeParse({ ...record, maxAgeDays: 0 }).success).toBe(false);
  });

  it('an off-track approval goal goes on the proposed agenda, naming the narrative', () => {
    const agenda = proposeAgenda({
      today,
      lastMeeting: null,
      goals: [goal],
      deals: [],
      narratives: new Map(facts.narratives.map((n) => [n.id, n.title])),
      versions: [],
      actions: [],
      approvals: facts,
    });
    expect(agenda[0]).toMatchObject({
      kind: 'goal',
      title: 'Goal off track: Approvals stay fresh',
      detail: '1 of 3 approved narratives is older than 90 days: Pricing (140 days).',
    });
  });
});
