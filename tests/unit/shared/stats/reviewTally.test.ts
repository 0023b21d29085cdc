/**
 * A one-field filter's review finished from the tally of every value is the very review of the deals that
 * pass the filter: same ranking, same figures, same attention verdicts, same summary.
 */
import { describe, expect, it } from 'vitest';
import type { DealFacts, DealOutcome, Reception } from '../../../../shared/domain/deal';
import { matchesFilter } from '../../../../shared/stats/narrativeReview';
import { buildPlaybookReview, reviewFromTally, summaryFromTally } from '../../../../shared/stats/playbookReview';
import { singleFieldFilter, tallyByField, tallyDeals } from '../../../../shared/stats/reviewTally';

/** A seeded generator, so a failure names the seed that made it. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

const OUTCOMES: DealOutcome[] = ['won', 'lost-competitor', 'lost-no-decision', 'open'];
const RECEPTIONS: Reception[] = ['resonated', 'neutral', 'fell-flat'];

function deals(seed: number, count: number): DealFacts[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  return Array.from({ length: count }, () => ({
    outcome: pick(OUTCOMES),
    // Around "today" (2026-12-01): recent, earlier, and a few closing later (not counted for attention).
    closeDate: pick(['2025-03-10', '2026-06-01', '2026-10-15', '2026-11-30', '2026-12-01', '2027-01-20']),
    persona: pick(['CFO', 'COO', '']),
    stage: pick(['proposal', 'decision']),
    competitor: pick(['Geotab', 'Samsara', '', 'Motive']),
    narratives: Array.from({ length: 1 + rand(3) }, () => ({
      narrativeId: pick(['a', 'b', 'c', 'gone']),
      reception: pick(RECEPTIONS),
    })),
  }));
}

const narratives = [
  { id: 'a', title: 'Cost' },
  { id: 'b', title: 'Safety' },
  { id: 'c', title: 'Uptime' },
  { id: 'd', title: 'Untested' },
];
const TODAY = '2026-12-01';

describe('the review tally', () => {
  it('of each value of a field is the review and summary of the deals with that value (60 seeds)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const log = deals(seed, 20 + seed * 7);
      for (const field of ['persona', 'stage', 'competitor'] as const) {
        const tallies = tallyByField(log, field, TODAY);
        for (const value of new Set(log.map((d) => d[field]))) {
          const passing = log.filter((d) => d[field] === value);
          const tally = tallies.get(value)!;
          expect(reviewFromTally(narratives, tally), `seed ${seed}, ${field}=${value}`).toEqual(
            buildPlaybookReview(narratives, passing, {}, TODAY),
          );
          expect(summaryFromTally(tally), `seed ${seed}, ${field}=${value}`).toEqual(
            summaryFromTally(tallyDeals(passing, TODAY)),
          );
        }
      }
    }
  });

  it('with a filter counts exactly the deals that pass it', () => {
    const log = deals(7, 400);
    const filter = { persona: 'CFO', competitor: 'Geotab', from: '2026-01-01' };
    const passing = log.filter((d) => matchesFilter(d, filter));
    expect(reviewFromTally(narratives, tallyDeals(log, TODAY, filter))).toEqual(
      buildPlaybookReview(narratives, passing, {}, TODAY),
    );
    // Some narrative needs attention in this log, so the verdicts are compared too, not only nulls.
    expect(buildPlaybookReview(narratives, log, {}, TODAY).rows.some((r) => r.attention)).toBe(true);
  });

  it('answers only one-field filters by value', () => {
    expect(singleFieldFilter({ competitor: 'Geotab' })).toEqual({ field: 'competitor', value: 'Geotab' });
    expect(singleFieldFilter({ persona: 'CFO' })).toEqual({ field: 'persona', value: 'CFO' });
    expect(singleFieldFilter({})).toBeNull();
    expect(singleFieldFilter({ persona: 'CFO', stage: 'proposal' })).toBeNull();
    expect(singleFieldFilter({ competitor: 'Geotab', from: '2026-01-01' })).toBeNull();
    expect(singleFieldFilter({ stage: 'decision', to: '2026-12-31' })).toBeNull();
  });
});
