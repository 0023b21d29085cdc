import { describe, expect, it } from 'vitest';
import type { DealFacts, DealOutcome, Reception } from '../../../../shared/domain/deal';
import { rankNarratives, scoreNarratives, SMALL_SAMPLE } from '../../../../shared/stats/narrativeReview';

function deal(outcome: DealOutcome, uses: [string, Reception][], extra: Partial<DealFacts> = {}): DealFacts {
  return {
    outcome,
    closeDate: '2026-06-01',
    competitor: '',
    stage: 'decision',
    persona: 'CFO',
    narratives: uses.map(([narrativeId, reception]) => ({ narrativeId, reception })),
    ...extra,
  };
}

describe('narrative review figures', () => {
  it('counts wins, both kinds of loss and open deals per narrative', () => {
    const scores = scoreNarratives([
      deal('won', [
        ['a', 'resonated'],
        ['b', 'neutral'],
      ]),
      deal('lost-competitor', [['a', 'fell-flat']], { competitor: 'Geotab' }),
      deal('lost-no-decision', [['a', 'neutral']]),
      deal('open', [['a', 'resonated']]),
    ]);
    expect(scores.get('a')).toMatchObject({
      deals: 4,
      won: 1,
      lost: 2,
      lostToCompetitor: 1,
      lostNoDecision: 1,
      open: 1,
      lossesCitingIt: 1,
    });
    expect(scores.get('a')!.winRate.rate).toBeCloseTo(1 / 3, 10);
    expect(scores.get('b')).toMatchObject({ deals: 1, won: 1, lost: 0 });
  });

  it('a narrative with only open deals has no win rate yet', () => {
    const score = scoreNarratives([deal('open', [['a', 'neutral']])]).get('a')!;
    expect(score.winRate.rate).toBeNull();
    expect(score.smallSample).toBe(true);
  });

  it(`warns about small samples under ${SMALL_SAMPLE} decided deals, and not at ${SMALL_SAMPLE}`, () => {
    const nine = Array.from({ length: 9 }, () => deal('won', [['a', 'resonated']]));
    expect(scoreNarratives(nine).get('a')!.smallSample).toBe(true);
    expect(scoreNarratives([...nine, deal('lost-competitor', [['a', 'neutral']])]).get('a')!.smallSample).toBe(false);
  });

  it('filters by persona, stage, competitor and period', () => {
    const deals = [
      deal('won', [['a', 'resonated']], { persona: 'CFO', closeDate: '2026-01-10' }),
      deal('lost-competitor', [['a', 'neutral']], { persona: 'CIO', competitor: 'Samsara', closeDate: '2026-03-10' }),
      deal('won', [['a', 'neutral']], { persona: 'CFO', stage: 'evaluation', closeDate: '2026-05-10' }),
    ];
    expect(scoreNarratives(deals, { persona: 'CFO' }).get('a')!.won).toBe(2);
    expect(scoreNarratives(deals, { competitor: 'Samsara' }).get('a')!.lost).toBe(1);
    expect(scoreNarratives(deals, { stage: 'evaluation' }).get('a')!.deals).toBe(1);
    expect(scoreNarratives(deals, { from: '2026-02-01', to: '2026-04-30' }).get('a')!.deals).toBe(1);
  });

  it('ranks by the interval’s lower bound: 1 of 1 does not beat 40 of 60', () => {
    const deals = [
      deal('won', [['lucky', 'resonated']]),
      ...Array.from({ length: 40 }, () => deal('won', [['proven', 'resonated']])),
      ...Array.from({ length: 20 }, () => deal('lost-competitor', [['proven', 'neutral']])),
    ];
    expect(rankNarratives(scoreNarratives(deals).values()).map((s) => s.narrativeId)).toEqual(['proven', 'lucky']);
  });
});
