import { describe, expect, it } from 'vitest';
import { formatRateInterval, wilsonInterval } from '../../../../shared/stats/wilson';

describe('win-rate intervals', () => {
  it('14 of 20 deals won reads "70% (48–85%)", as a deck would show it', () => {
    const interval = wilsonInterval(14, 20);
    expect(interval.rate).toBeCloseTo(0.7, 10);
    expect(interval.low).toBeCloseTo(0.48102, 4);
    expect(interval.high).toBeCloseTo(0.85452, 4);
    expect(formatRateInterval(interval)).toBe('70% (48–85%)');
  });

  it('no decided deals gives no rate and the whole [0, 1] range', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: 0, high: 1 });
    expect(formatRateInterval(wilsonInterval(0, 0))).toBe('no decided deals');
  });

  it('one deal won is far from certain: about 21% to 100%', () => {
    const interval = wilsonInterval(1, 1);
    expect(interval.rate).toBe(1);
    expect(interval.low).toBeCloseTo(0.20654, 4);
    expect(interval.high).toBe(1);
  });

  it('one deal lost: 0% with an upper bound near 79%', () => {
    const interval = wilsonInterval(0, 1);
    expect(interval.low).toBe(0);
    expect(interval.high).toBeCloseTo(0.79346, 4);
  });

  it('all won and all lost stay inside [0, 1] and are symmetric', () => {
    const allWon = wilsonInterval(12, 12);
    const allLost = wilsonInterval(0, 12);
    expect(allWon.high).toBe(1);
    expect(allLost.low).toBe(0);
    expect(allWon.low).toBeCloseTo(1 - allLost.high, 10);
    expect(allWon.low).toBeCloseTo(0.75751, 4);
  });

  it('refuses impossible counts instead of inventing a rate', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
