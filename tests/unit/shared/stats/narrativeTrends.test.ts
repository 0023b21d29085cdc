import { describe, expect, it } from 'vitest';
import type { DealFacts, DealOutcome, Reception } from '../../../../shared/domain/deal';
import {
  choosePeriodUnit,
  daysBefore,
  needsAttention,
  winRateOverTime,
} from '../../../../shared/stats/narrativeTrends';

function deal(outcome: DealOutcome, closeDate: string, reception: Reception = 'neutral', id = 'a'): DealFacts {
  return {
    outcome,
    closeDate,
    competitor: '',
    stage: 'decision',
    persona: 'CFO',
    narratives: [{ narrativeId: id, reception }],
  };
}

describe('win rate over time', () => {
  it('is empty without decided deals', () => {
    expect(winRateOverTime([], 'a')).toEqual([]);
    expect(winRateOverTime([deal('open', '2026-01-01')], 'a')).toEqual([]);
  });

  it('counts per month, fills empty months, ignores other narratives and open deals', () => {
    const series = winRateOverTime(
      [
        deal('won', '2026-01-05'),
        deal('lost-competitor', '2026-01-20'),
        deal('open', '2026-02-01'),
        deal('won', '2026-03-09'),
        deal('won', '2026-03-10', 'neutral', 'b'),
      ],
      'a',
    );
    expect(series.map((p) => [p.period, p.won, p.decided, p.winRate.rate])).toEqual([
      ['2026-01', 1, 2, 0.5],
      ['2026-02', 0, 0, null],
      ['2026-03', 1, 1, 1],
    ]);
  });

  it('groups by quarter across a year boundary', () => {
    const series = winRateOverTime([deal('won', '2025-11-30'), deal('lost-no-decision', '2026-02-01')], 'a', 'quarter');
    expect(series.map((p) => p.period)).toEqual(['2025-Q4', '2026-Q1']);
  });

  it('chooses quarters for spans over two years', () => {
    expect(choosePeriodUnit(['2026-01-01', '2026-12-01'])).toBe('month');
    expect(choosePeriodUnit(['2023-01-01', '2026-12-01'])).toBe('quarter');
    expect(choosePeriodUnit([])).toBe('month');
  });
});

describe('needs attention', () => {
  const today = '2026-06-30';

  it('computes the cut-off date in UTC', () => {
    expect(daysBefore('2026-06-30', 90)).toBe('2026-04-01');
  });

  it('flags a recent win rate below the earlier interval', () => {
    // Earlier: 9 of 10 won → Wilson 95% lower bound ≈ 0.596. Recent: 1 of 4 = 0.25 < 0.596.
    const earlier = Array.from({ length: 10 }, (_, i) => deal(i < 9 ? 'won' : 'lost-competitor', '2025-10-01'));
    const recent = [
      deal('won', '2026-06-01'),
      ...Array.from({ length: 3 }, () => deal('lost-competitor', '2026-06-02')),
    ];
    const flagged = needsAttention([...earlier, ...recent], today);
    expect(flagged.get('a')?.reasons).toEqual(['recent-below-earlier']);
    expect(flagged.get('a')!.earlier.low).toBeCloseTo(0.5958, 3);
    expect(flagged.get('a')!.recent.rate).toBe(0.25);
  });

  it('does not flag a dip the earlier interval explains, or too few recent deals', () => {
    const earlier = Array.from({ length: 4 }, (_, i) => deal(i < 2 ? 'won' : 'lost-competitor', '2025-10-01'));
    // Earlier 2 of 4 → lower bound ≈ 0.15; recent 1 of 3 = 0.33 is inside it.
    const recent = [
      deal('won', '2026-06-01'),
      deal('lost-competitor', '2026-06-02'),
      deal('lost-competitor', '2026-06-03'),
    ];
    expect(needsAttention([...earlier, ...recent], today).size).toBe(0);
    const fewRecent = [
      ...Array.from({ length: 10 }, () => deal('won', '2025-10-01')),
      deal('lost-competitor', '2026-06-01'),
    ];
    expect(needsAttention(fewRecent, today).size).toBe(0);
  });

  it('flags a narrative that recent losses say fell flat', () => {
    const deals = [
      deal('lost-competitor', '2026-06-01', 'fell-flat'),
      deal('lost-no-decision', '2026-05-01', 'fell-flat'),
    ];
    expect(needsAttention(deals, today).get('a')?.reasons).toEqual(['recent-losses-cite-it']);
    // The same losses a year ago are history, not a signal.
    expect(needsAttention(deals, '2027-06-30').size).toBe(0);
  });

  it('ignores open deals and deals dated after today', () => {
    const deals = [
      deal('lost-competitor', '2026-07-05', 'fell-flat'),
      deal('lost-competitor', '2026-07-06', 'fell-flat'),
      deal('open', '2026-06-01', 'fell-flat'),
    ];
    expect(needsAttention(deals, today).size).toBe(0);
  });
});
