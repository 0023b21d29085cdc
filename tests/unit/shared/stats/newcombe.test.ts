// Newcombe's hybrid score interval (method 10) for a difference of two win rates. Expected values were
// worked by hand from the Wilson limits (l, u) as d − √((p1−l1)² + (u2−p2)²) and d + √((u1−p1)² + (p2−l2)²),
// and agree with Table II of Newcombe (1998) to four places.
import { describe, expect, it } from 'vitest';
import { differenceVerdict, newcombeInterval } from '../../../../shared/stats/newcombe';

const cases: [string, [number, number, number, number], [number, number, number]][] = [
  ['56/70 vs 48/80', [56, 70, 48, 80], [0.2, 0.0524, 0.3339]],
  ['9/10 vs 3/10', [9, 10, 3, 10], [0.6, 0.1705, 0.809]],
  ['6/7 vs 2/7', [6, 7, 2, 7], [0.5714, 0.0582, 0.8062]],
  ['5/56 vs 0/29 (a zero)', [5, 56, 0, 29], [0.0893, -0.0381, 0.1926]],
  ['0/10 vs 0/20 (both zero)', [0, 10, 0, 20], [0, -0.1611, 0.2775]],
  ['0/10 vs 0/10 (equal, zero)', [0, 10, 0, 10], [0, -0.2775, 0.2775]],
  ['10/10 vs 0/20 (n and zero)', [10, 10, 0, 20], [1, 0.6791, 1]],
  ['10/10 vs 0/10 (n and zero)', [10, 10, 0, 10], [1, 0.6075, 1]],
  ['5/10 vs 5/10 (equal rates)', [5, 10, 5, 10], [0, -0.3725, 0.3725]],
];

describe('the difference between two versions’ win rates', () => {
  it.each(cases)('%s', (_name, [x1, n1, x2, n2], [d, low, high]) => {
    const interval = newcombeInterval(x1, n1, x2, n2)!;
    expect(interval.difference).toBeCloseTo(d, 4);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('is symmetric: swapping the versions mirrors the interval', () => {
    const a = newcombeInterval(9, 10, 3, 10)!;
    const b = newcombeInterval(3, 10, 9, 10)!;
    expect(b.low).toBeCloseTo(-a.high, 10);
    expect(b.high).toBeCloseTo(-a.low, 10);
  });

  it('has nothing to say when a version has no decided deals', () => {
    expect(newcombeInterval(0, 0, 3, 10)).toBeNull();
    expect(differenceVerdict('v2', null)).toMatch(/not enough deals to tell yet/);
  });

  it('says plainly who wins, or that it cannot tell yet', () => {
    expect(differenceVerdict('v3', newcombeInterval(15, 20, 6, 20))).toBe('v3 wins more: +45 points (14 to 66)');
    expect(differenceVerdict('v3', newcombeInterval(3, 10, 9, 10))).toBe('v3 wins less: -60 points (-81 to -17)');
    expect(differenceVerdict('v2', newcombeInterval(5, 10, 5, 10))).toBe(
      'not enough deals to tell yet (interval spans zero: 0 points (-37 to 37))',
    );
  });
});
