/**
 * The difference between two win rates with its 95% interval, by Newcombe's hybrid score method (method 10
 * of Newcombe 1998, "Interval estimation for the difference between independent proportions"): each rate's
 * Wilson interval is combined, which behaves at 0 and n and for small samples where the Wald interval
 * claims certainty it does not have.
 */
import { wilsonInterval, Z_95 } from './wilson';

/** A difference of proportions (p1 − p2) with its interval; all in [−1, 1]. */
export interface DifferenceInterval {
  difference: number;
  low: number;
  high: number;
}

/**
 * Newcombe's interval for p1 − p2 where p1 = x1/n1 and p2 = x2/n2. Null when either side has no trials
 * (there is no rate to compare).
 */
export function newcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z_95,
): DifferenceInterval | null {
  if (n1 === 0 || n2 === 0) return null;
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2);
  const high = d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2);
  return { difference: d, low: Math.max(-1, low), high: Math.min(1, high) };
}

const points = (v: number): string => {
  const rounded = Math.round(v * 100);
  return rounded === 0 ? '0' : `${rounded > 0 ? '+' : '-'}${Math.abs(rounded)}`;
};
const bound = (v: number): string => String(Math.round(v * 100) || 0);

/**
 * A plain verdict on "did the newer version do better": "v3 wins more: +28 points (3 to 49)" when the whole
 * interval is above zero, "v3 wins less: …" when below, otherwise "not enough deals to tell yet".
 */
export function differenceVerdict(newer: string, interval: DifferenceInterval | null): string {
  if (interval === null) return 'not enough deals to tell yet (a version has no decided deals)';
  const range = `(${bound(interval.low)} to ${bound(interval.high)})`;
  if (interval.low > 0) return `${newer} wins more: ${points(interval.difference)} points ${range}`;
  if (interval.high < 0) return `${newer} wins less: ${points(interval.difference)} points ${range}`;
  return `not enough deals to tell yet (interval spans zero: ${points(interval.difference)} points ${range})`;
}
