/**
 * The playbook-wide figure on top of the review — the first question a team asks: how many deals, how
 * many won and lost, and the win rate with its 95% Wilson interval. With a filter on it counts the deals
 * that match and says how many there are in all.
 */
import type { DealSummary } from '@shared/stats/playbookReview';
import { count, pct, plural } from './reviewFormat';

/** Props of ReviewSummary. */
export interface ReviewSummaryProps {
  /** The deals that pass the filters. */
  summary: DealSummary;
  /** Every deal of the playbook, or null when no filter is on. */
  total: DealSummary | null;
}

/** The figure. */
export function ReviewSummary({ summary: s, total }: ReviewSummaryProps) {
  const decided = s.won + s.lost;
  return (
    <section className="review-summary" aria-label="All deals of this playbook" data-testid="review-summary">
      <div className="review-summary-figure" data-testid="summary-deals">
        <span className="stat-label">{total ? 'Deals matching' : 'All deals'}</span>
        <span className="review-summary-value">{count(s.deals)}</span>
        <span className="stat-hint">
          {total ? `of ${plural(total.deals, 'deal')} in all` : s.open ? `${count(s.open)} still open` : 'all decided'}
        </span>
      </div>
      <div className="review-summary-figure" data-testid="summary-won">
        <span className="stat-label">Won</span>
        <span className="review-summary-value">{count(s.won)}</span>
      </div>
      <div className="review-summary-figure" data-testid="summary-lost">
        <span className="stat-label">Lost</span>
        <span className="review-summary-value">{count(s.lost)}</span>
      </div>
      <div className="review-summary-figure review-summary-rate" data-testid="summary-win-rate">
        <span className="stat-label">Win rate</span>
        <span className="review-summary-value">{s.winRate.rate === null ? '—' : pct(s.winRate.rate)}</span>
        <span className="stat-hint">
          {s.winRate.rate === null
            ? 'no decided deals yet'
            : `95% interval ${pct(s.winRate.low)}–${pct(s.winRate.high)} · ${plural(decided, 'decided deal')}`}
        </span>
      </div>
    </section>
  );
}
