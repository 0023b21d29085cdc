import { describe, expect, it } from 'vitest';
import type { ApprovalDecision } from '../../../../shared/collab/approvals';
import type { WorkflowRecord } from '../../../../shared/collab/reviewRequests';
import {
  addDays,
  describeGovernance,
  eventsByNarrative,
  governanceOf,
  needsCaution,
  type GovernanceRecords,
} from '../../../../shared/governance/narrativeGovernance';
import { needsReviewItems, openDealCounts, sortNeedsReview } from '../../../../shared/governance/needsReview';
import type { DealFacts } from '../../../../shared/domain/deal';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const NONE = { today: '2026-06-01', attention: new Set<string>() };

function approve(at: number, hash = H1, reviewBy = '2026-09-01', narrativeId = 'n1'): ApprovalDecision {
  return { id: `d${at}`, narrativeId, kind: 'approve', hash, title: 'T', by: 'Sam', at, comment: '', reviewBy };
}
function sendBack(at: number): ApprovalDecision {
  return { ...approve(at), kind: 'send-back', comment: 'Cite the study' };
}
function record(at: number, kind: WorkflowRecord['kind'], narrativeId = 'n1'): WorkflowRecord {
  return { id: `w${at}`, narrativeId, kind, title: 'T', by: 'Mo', at, note: '' };
}
function stateOf(records: Partial<GovernanceRecords>, hash = H1, context = NONE) {
  const events = eventsByNarrative({ decisions: [], workflow: [], ...records }).get('n1') ?? [];
  return governanceOf('n1', hash, events, context);
}

describe('approval validity', () => {
  it('a narrative nobody decided on is a draft, whatever its status field says', () => {
    expect(stateOf({}).state).toBe('draft');
  });

  it('an approval holds while the content has the approved hash', () => {
    expect(stateOf({ decisions: [approve(10)] }).state).toBe('approved');
  });

  it('content changed after the approval shows "changed since approved", by itself', () => {
    const g = stateOf({ decisions: [approve(10)] }, H2);
    expect(g.state).toBe('changed');
    expect(g.changedSinceApproved).toBe(true);
    expect(describeGovernance(g)).toBe('Changed since approved');
  });

  it('changing back to the approved words makes it approved again', () => {
    expect(stateOf({ decisions: [approve(10)] }, H1).state).toBe('approved');
  });

  it('the latest record decides: request → approve → request again after an edit', () => {
    expect(stateOf({ workflow: [record(5, 'request')] }).state).toBe('in-review');
    expect(stateOf({ workflow: [record(5, 'request')], decisions: [approve(10)] }).state).toBe('approved');
    const again = stateOf({ workflow: [record(5, 'request'), record(20, 'request')], decisions: [approve(10)] }, H2);
    expect(again.state).toBe('in-review');
    expect(describeGovernance(again)).toBe('In review · changed since approved');
    expect(stateOf({ workflow: [record(5, 'request')], decisions: [sendBack(10)] }).state).toBe('sent-back');
    expect(stateOf({ decisions: [approve(10)], workflow: [record(20, 'retire')] }).state).toBe('retired');
    expect(stateOf({ decisions: [approve(10)], workflow: [record(20, 'reopen')] }).state).toBe('draft');
  });

  it('every device orders simultaneous records alike (by id)', () => {
    const a = stateOf({ decisions: [approve(10)], workflow: [record(10, 'retire')] });
    const b = stateOf({ workflow: [record(10, 'retire')], decisions: [approve(10)] });
    expect(a.state).toBe(b.state);
  });
});

describe('stale rules', () => {
  it('past the review-by date an approved narrative is stale; on the date it is not yet', () => {
    expect(stateOf({ decisions: [approve(1, H1, '2026-06-01')] }).stale).toEqual([]);
    const overdue = stateOf({ decisions: [approve(1, H1, '2026-05-31')] });
    expect(overdue.stale).toEqual([{ kind: 'overdue', reviewBy: '2026-05-31' }]);
    expect(needsCaution(overdue)).toBe(true);
    expect(describeGovernance(overdue)).toBe('Approved · review was due 2026-05-31');
  });

  it('"needs attention" from the review makes any live narrative stale, a retired one never', () => {
    const attention = { today: '2026-06-01', attention: new Set(['n1']) };
    expect(stateOf({}, H1, attention).stale).toEqual([{ kind: 'attention' }]);
    expect(stateOf({ workflow: [record(1, 'retire')] }, H1, attention).stale).toEqual([]);
  });

  it('an approval without a review-by date is never overdue', () => {
    expect(stateOf({ decisions: [approve(1, H1, '')] }).stale).toEqual([]);
  });

  it('an approved, current, fresh narrative needs no caution; anything else does', () => {
    expect(needsCaution(stateOf({ decisions: [approve(1)] }))).toBe(false);
    expect(needsCaution(stateOf({}))).toBe(true);
    expect(needsCaution(stateOf({ decisions: [approve(1)] }, H2))).toBe(true);
  });

  it('review-by defaults are calendar days, also across a daylight-saving change', () => {
    expect(addDays('2026-03-01', 90)).toBe('2026-05-30');
    expect(addDays('2026-10-20', 10)).toBe('2026-10-30');
  });
});

describe('needs review list', () => {
  const deal = (outcome: DealFacts['outcome'], ids: string[]): DealFacts => ({
    outcome,
    closeDate: '2026-05-01',
    competitor: '',
    stage: '',
    persona: '',
    narratives: ids.map((narrativeId) => ({ narrativeId, reception: 'neutral' as const })),
  });

  it('lists stale, changed and waiting narratives, most open deals first', () => {
    const counts = openDealCounts([
      deal('open', ['b', 'c']),
      deal('open', ['c']),
      deal('won', ['a', 'a']),
      deal('open', ['c', 'c']),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ b: 1, c: 3 });
    const g = (id: string, records: Partial<GovernanceRecords>, hash = H1) =>
      governanceOf(id, hash, eventsByNarrative({ decisions: [], workflow: [], ...records }).get(id) ?? [], NONE);
    const items = needsReviewItems(
      { id: 'p', title: 'Core' },
      [
        { id: 'a', title: 'Overdue', governance: g('a', { decisions: [approve(1, H1, '2026-01-01', 'a')] }) },
        { id: 'b', title: 'Changed', governance: g('b', { decisions: [approve(1, H1, '', 'b')] }, H2) },
        { id: 'c', title: 'Waiting', governance: g('c', { workflow: [record(1, 'request', 'c')] }) },
        { id: 'd', title: 'Fine', governance: g('d', { decisions: [approve(1, H1, '', 'd')] }) },
        { id: 'e', title: 'Draft', governance: g('e', {}) },
      ],
      counts,
    );
    expect(sortNeedsReview(items).map((i) => [i.title, i.openDeals])).toEqual([
      ['Waiting', 3],
      ['Changed', 1],
      ['Overdue', 0],
    ]);
  });
});
