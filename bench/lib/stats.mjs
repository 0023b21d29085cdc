/** Order statistics of benchmark samples, for the browser benches and the server benches alike. */

/** The p-th percentile (nearest rank), so p95 of 200 samples is an observed value, not an interpolation. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('[bench] percentile of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
