import { describe, expect, it } from 'vitest';
import type { DealFacts, DealOutcome } from '../../../../shared/domain/deal';
import { buildPlaybookReview } from '../../../../shared/stats/playbookReview';

function deal(outcome: DealOutcome, ids: string[], closeDate = '2026-06-01'): DealFacts {
  return {
    outcome,
    closeDate,
    competitor: '',
    stage: '',
    persona: '',
    narratives: ids.map((narrativeId) => ({ narrativeId, reception: 'neutral' as const })),
  };
}

const narratives = [
  { id: 'a', title: 'Cost' },
  { id: 'b', title: 'Safety' },
  { id: 'c', title: 'Untested' },
];

describe('the playbook review', () => {
  it('with no deals lists every narrative, in playbook order, without figures', () => {
    const review = buildPlaybookReview(narratives, [], {}, '2026-06-30');
    expect(review.rows.map((r) => [r.narrativeId, r.score])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
    ]);
  });

  it('ranks by lower bound, lists untested narratives last and deleted ones apart', () => {
    const deals = [
      deal('won', ['a']),
      ...Array.from({ length: 20 }, (_, i) => deal(i < 15 ? 'won' : 'lost-competitor', ['b'])),
      deal('won', ['gone']),
    ];
    const review = buildPlaybookReview(narratives, deals, {}, '2026-06-30');
    // b: 15/20 → lower bound ≈ 0.531; a: 1/1 → ≈ 0.207.
    expect(review.rows.map((r) => r.narrativeId)).toEqual(['b', 'a', 'c']);
    expect(review.rows[0]!.score!.winRate.low).toBeCloseTo(0.5313, 3);
    expect(review.rows[1]!.score!.smallSample).toBe(true);
    expect(review.elsewhere.map((s) => s.narrativeId)).toEqual(['gone']);
  });

  it('applies the filter to figures and attention alike', () => {
    const deals = [deal('won', ['a'], '2025-01-01'), deal('lost-no-decision', ['a'], '2026-06-01')];
    const review = buildPlaybookReview(narratives, deals, { from: '2026-01-01' }, '2026-06-30');
    expect(review.rows[0]).toMatchObject({ narrativeId: 'a', score: { won: 0, lost: 1 } });
  });
});
