/**
 * The win evidence a slide may show. A customer-facing claim needs a real sample: below SMALL_SAMPLE decided
 * deals the line is left out entirely, rather than shown with a caveat nobody reads aloud.
 */
import { SMALL_SAMPLE, type NarrativeScore } from '../stats/narrativeReview';
import { formatRateInterval } from '../stats/wilson';

/** "won 14 of 20 deals — 70% (48–85%)", or null when fewer than SMALL_SAMPLE deals were decided. */
export function formatEvidenceLine(score: NarrativeScore | null): string | null {
  if (score === null) return null;
  const decided = score.won + score.lost;
  if (decided < SMALL_SAMPLE) return null;
  return `won ${score.won} of ${decided} deals — ${formatRateInterval(score.winRate)}`;
}
