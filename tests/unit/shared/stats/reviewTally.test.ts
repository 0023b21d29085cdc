/**
 * A one-field filter's review finished from the tally of every value is the very review of the deals that
 * pass the filter: same ranking, same figures, same attention verdicts, same summary.
 */
import { describe, expect, it } from 'vitest';
import { deals, edited } from './randomDeals';
import { matchesFilter } from '../../../../shared/stats/narrativeReview';
import { buildPlaybookReview, reviewFromTally, summaryFromTally } from '../../../../shared/stats/playbookReview';
import {
  retally,
  retallyByField,
  singleFieldFilter,
  tallyByField,
  tallyDeals,
} from '../../../../shared/stats/reviewTally';

const narratives = [
  { id: 'a', title: 'Cost' },
  { id: 'b', title: 'Safety' },
  { id: 'c', title: 'Uptime' },
  { id: 'd', title: 'Untested' },
];
const TODAY = '2026-12-01';

describe('the review tally', () => {
  it('of a log edited in place is patched to exactly what counting it afresh gives, the tally before untouched (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const log = deals(seed, 10 + seed * 3);
      const { next, changes } = edited(seed, log);
      const tally = tallyDeals(log, TODAY);
      const kept = structuredClone(tally);
      const patched = retally(tally, changes, TODAY);
      expect(patched, `seed ${seed}`).toEqual(tallyDeals(next, TODAY));
      expect(tally, `seed ${seed}: the tally before`).toEqual(kept);
      expect(reviewFromTally(narratives, patched), `seed ${seed}`).toEqual(
        buildPlaybookReview(narratives, next, {}, TODAY),
      );
      for (const field of ['persona', 'stage', 'competitor'] as const) {
        const byValue = tallyByField(log, field, TODAY);
        const keptByValue = structuredClone(byValue);
        const patchedByValue = retallyByField(byValue, field, changes, TODAY);
        const fresh = tallyByField(next, field, TODAY);
        // The same values (one no deal has any more is gone), each with the same counts.
        expect(new Set(patchedByValue.keys()), `seed ${seed}, ${field}`).toEqual(new Set(fresh.keys()));
        for (const [value, t] of fresh) expect(patchedByValue.get(value), `seed ${seed}, ${field}=${value}`).toEqual(t);
        expect(byValue, `seed ${seed}, ${field}: the tallies before`).toEqual(keptByValue);
      }
    }
  });

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
