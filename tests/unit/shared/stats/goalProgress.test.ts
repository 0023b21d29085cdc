import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../../shared/collab/goals';
import type { DealFacts, DealOutcome } from '../../../../shared/domain/deal';
import { goalPeriod, measureGoal } from '../../../../shared/stats/goalProgress';

function deal(
  closeDate: string,
  outcome: DealOutcome,
  competitor = '',
  persona = '',
  narratives: string[] = [],
): DealFacts {
  return {
    closeDate,
    outcome,
    competitor,
    persona,
    stage: '',
    narratives: narratives.map((narrativeId) => ({ narrativeId, reception: 'neutral' as const })),
  };
}

function goal(partial: Partial<Goal>): Goal {
  return {
    id: 'g1',
    title: 'Goal',
    playbookId: 'p1',
    metric: 'win-rate',
    competitor: '',
    persona: '',
    narrativeId: '',
    target: 0.4,
    period: 'quarter',
    author: 'Maya',
    createdAt: 1,
    ...partial,
  };
}

const today = '2026-05-20';
// Q2 2026 against Seismic: 3 won of 10 decided; one open and a Klue deal that do not count.
const deals: DealFacts[] = [
  ...Array.from({ length: 3 }, () => deal('2026-04-10', 'won', 'Seismic')),
  ...Array.from({ length: 6 }, () => deal('2026-05-02', 'lost-competitor', 'Seismic')),
  deal('2026-06-30', 'lost-no-decision', 'Seismic'),
  deal('2026-05-01', 'open', 'Seismic'),
  deal('2026-05-01', 'won', 'Klue'),
  // Q1 2026 against Seismic: 2 of 4.
  deal('2026-01-05', 'won', 'Seismic'),
  deal('2026-03-31', 'won', 'Seismic'),
  deal('2026-02-01', 'lost-competitor', 'Seismic'),
  deal('2026-02-02', 'lost-competitor', 'Seismic'),
];

describe('goal progress', () => {
  it('a win rate against a competitor is 3 of 10 with the hand-computed Wilson interval 10.8–60.3%', () => {
    const p = measureGoal(goal({ competitor: 'Seismic' }), deals, today);
    expect(p.current).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      label: 'Q2 2026',
      successes: 3,
      trials: 10,
    });
    expect(p.current.value.rate).toBeCloseTo(0.3, 10);
    expect(p.current.value.low).toBeCloseTo(0.10779, 4);
    expect(p.current.value.high).toBeCloseTo(0.60322, 4);
    expect(p.previous).toMatchObject({ label: 'Q1 2026', successes: 2, trials: 4 });
    expect(p.trend).toBe('down');
    // 40% lies inside the interval: the deals cannot tell yet.
    expect(p.status).toBe('too-early');
  });

  it('is off track only when the whole interval is below the target, on track when all of it is above', () => {
    expect(measureGoal(goal({ competitor: 'Seismic', target: 0.7 }), deals, today).status).toBe('off-track');
    expect(measureGoal(goal({ competitor: 'Seismic', target: 0.1 }), deals, today).status).toBe('on-track');
    expect(measureGoal(goal({ competitor: 'Nobody', target: 0.01 }), deals, today)).toMatchObject({
      status: 'too-early',
      trend: 'unknown',
      current: { trials: 0, value: { rate: null } },
    });
  });

  it('narrative usage counts every deal with the persona, open ones too: 6 of 8 is 75% (40.9–92.9%)', () => {
    const cfo = [
      ...Array.from({ length: 5 }, () => deal('2026-04-20', 'won', '', 'CFO', ['n-cfo', 'n-other'])),
      deal('2026-05-10', 'open', '', 'CFO', ['n-cfo']),
      deal('2026-05-11', 'lost-competitor', '', 'CFO', ['n-other']),
      deal('2026-05-12', 'open', '', 'CFO'),
      deal('2026-05-12', 'won', '', 'CTO', ['n-cfo']),
    ];
    const p = measureGoal(
      goal({ metric: 'narrative-usage', narrativeId: 'n-cfo', persona: 'CFO', target: 0.5 }),
      cfo,
      today,
    );
    expect(p.current).toMatchObject({ successes: 6, trials: 8 });
    expect(p.current.value.low).toBeCloseTo(0.40927, 4);
    expect(p.current.value.high).toBeCloseTo(0.92853, 4);
    expect(p.status).toBe('too-early');
  });

  it('periods roll over the year', () => {
    expect(goalPeriod('2026-01-15', 'quarter', 1)).toEqual({ from: '2025-10-01', to: '2025-12-31', label: 'Q4 2025' });
    expect(goalPeriod('2026-01-15', 'month', 1)).toEqual({ from: '2025-12-01', to: '2025-12-31', label: 'Dec 2025' });
    expect(goalPeriod('2024-02-10', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29', label: 'Feb 2024' });
  });
});
