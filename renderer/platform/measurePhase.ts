/**
 * Named phases of the app's work at scale (reading the store, decoding, the deal log's first read, the
 * review's derivations) as User Timing measures, `duet:<phase>`. They cost next to nothing, show in a
 * Chrome trace beside the app's own tasks, and the company benchmark prints them as its phase breakdown.
 */

/** Records `duet:<phase>` from `start` (a `performance.now()` value) until now; returns now. */
export function measurePhase(phase: string, start: number): number {
  const end = performance.now();
  performance.measure(`duet:${phase}`, { start, end });
  return end;
}
