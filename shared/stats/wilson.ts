/**
 * Wilson score interval for a binomial proportion. Used for narrative win rates because it behaves at the
 * edges (0 of 3, 5 of 5) where the textbook normal approximation claims certainty it does not have.
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** A proportion with its interval; all three are in [0, 1]. `rate` is null when there is no data. */
export interface RateInterval {
  rate: number | null;
  low: number;
  high: number;
}

/** Wilson interval for `successes` out of `trials` (0 trials gives the uninformative [0, 1]). */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): RateInterval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`[stats] invalid proportion ${successes}/${trials}`);
  }
  if (trials === 0) return { rate: null, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At the edges the exact bounds are 0 and 1; floating point would otherwise leave dust like 2.8e-17.
  const low = successes === 0 ? 0 : Math.max(0, center - half);
  const high = successes === trials ? 1 : Math.min(1, center + half);
  return { rate: p, low, high };
}

/** Formats a rate and interval like "70% (48–85%)". */
export function formatRateInterval(interval: RateInterval): string {
  if (interval.rate === null) return 'no decided deals';
  const pct = (v: number): string => `${Math.round(v * 100)}`;
  return `${pct(interval.rate)}% (${pct(interval.low)}–${pct(interval.high)}%)`;
}
