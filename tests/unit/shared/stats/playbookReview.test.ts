import { describe, expect, it } from 'vitest';
import type { DealFacts, DealOutcome } from '../../../../shared/domain/deal';
import { buildPlaybookReview, summaryFromTally } from '../../../../shared/stats/playbookReview';
import { tallyDeals } from '../../../../shared/stats/reviewTally';
import type { ReviewFilter } from '../../../../shared/stats/narrativeReview';

/** The playbook-wide figure of the deals that pass `filter`, as the review computes it. */
const summarizeDeals = (deals: readonly DealFacts[], filter: ReviewFilter = {}) =>
  summaryFromTally(tallyDeals(deals, '2026-06-30', filter));

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

describe('the playbook-wide figure', () => {
  it('counts every deal once, whatever narratives it used, with the Wilson interval of the decided ones', () => {
    const deals = [
      deal('won', ['a', 'b']),
      deal('won', ['a']),
      deal('lost-competitor', ['b', 'c']),
      deal('lost-no-decision', []),
      deal('open', ['a']),
    ];
    const summary = summarizeDeals(deals);
    expect(summary).toMatchObject({ deals: 5, open: 1, won: 2, lost: 2 });
    // 2 of 4: 50%, Wilson 95% interval ≈ 15–85%.
    expect(summary.winRate.rate).toBe(0.5);
    expect(summary.winRate.low).toBeCloseTo(0.15, 2);
    expect(summary.winRate.high).toBeCloseTo(0.85, 2);
  });

  it('counts only the deals that pass the filter, and has no rate without decided deals', () => {
    const deals = [
      { ...deal('won', ['a']), persona: 'CFO' },
      { ...deal('open', ['a']), persona: 'COO' },
    ];
    expect(summarizeDeals(deals, { persona: 'COO' })).toMatchObject({ deals: 1, open: 1, won: 0, lost: 0 });
    expect(summarizeDeals(deals, { persona: 'COO' }).winRate.rate).toBeNull();
    expect(summarizeDeals([]).deals).toBe(0);
  });
});
