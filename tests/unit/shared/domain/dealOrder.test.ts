import { describe, expect, it } from 'vitest';
import { compareDeals, indexOfDeal, insertionIndex } from '../../../../shared/domain/dealOrder';

const deal = (id: string, closeDate: string, createdAt: number) => ({ id, closeDate, createdAt });

// Three deals closing the same day (newest entry first, then by id), and one earlier and one later.
const log = [
  deal('late', '2026-11-30', 1),
  deal('b', '2026-06-01', 9),
  deal('a', '2026-06-01', 5),
  deal('c', '2026-06-01', 5),
  deal('early', '2025-01-02', 99),
];

describe('the order of a deal log', () => {
  it('is newest close date first, then newest entry, then id', () => {
    expect(
      [...log]
        .reverse()
        .sort(compareDeals)
        .map((d) => d.id),
    ).toEqual(['late', 'b', 'a', 'c', 'early']);
    expect(compareDeals(log[2]!, { ...log[2]! })).toBe(0);
  });

  it('finds each deal of a list in that order, and where a new one belongs', () => {
    for (const [i, d] of log.entries()) expect(indexOfDeal(log, d)).toBe(i);
    expect(indexOfDeal(log, deal('a', '2026-06-01', 5))).toBe(-1); // the same facts, another object
    expect(insertionIndex(log, deal('mid', '2026-07-01', 0))).toBe(1);
    expect(insertionIndex(log, deal('last', '2024-01-01', 0))).toBe(log.length);
    // A list that is not in log order after all is still searched right (by a scan).
    const shuffled = [log[3]!, log[0]!, log[4]!, log[1]!];
    expect(indexOfDeal(shuffled, log[1]!)).toBe(3);
  });
});
