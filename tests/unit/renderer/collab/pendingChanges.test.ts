import { describe, expect, it } from 'vitest';
import { countUnconfirmed, retryDelayMs } from '../../../../renderer/collab/pendingChanges';

const vector = (entries: [number, number][]) => new Map(entries);

describe('countUnconfirmed', () => {
  it('counts nothing for operations of other clients, however many arrived', () => {
    // 2,999 operations of the storyteller (client 7) arrived from storage; this reader (client 1) wrote none.
    expect(countUnconfirmed(vector([[7, 2999]]), vector([]), new Set([1]))).toBe(0);
  });

  it('counts this device’s operations beyond what the server stored, across its earlier client ids', () => {
    const local = vector([
      [1, 10],
      [2, 4],
      [7, 500],
    ]);
    const stored = vector([
      [1, 8],
      [7, 100],
    ]);
    expect(countUnconfirmed(local, stored, new Set([1, 2]))).toBe(2 + 4);
  });

  it('is zero once the server stored everything of this device, and never negative', () => {
    expect(countUnconfirmed(vector([[1, 5]]), vector([[1, 9]]), new Set([1]))).toBe(0);
    expect(countUnconfirmed(vector([]), vector([]), new Set([1]))).toBe(0);
  });
});

describe('retryDelayMs', () => {
  it('waits 1 s after the first failure, doubles, and never more than 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});
