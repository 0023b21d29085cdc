/** The selected narrative in the review: its figures, warnings, the win rate over time and the notes. */
import type { AnchoredNote } from '@shared/collab/textQuote';
import type { DealEdit, DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { SMALL_SAMPLE, type ReviewFilter } from '@shared/stats/narrativeReview';
import type { ReviewRow } from '@shared/stats/playbookReview';
import { periodOf, RECENT_DAYS } from '@shared/stats/narrativeTrends';
import { formatRateInterval } from '@shared/stats/wilson';
import { AnchoredNoteList } from './AnchoredNoteList';
import type { DealVersionOf } from './DealCard';
import { DealNotes } from './DealNotes';
import { dealsOf, dealsPassing, periodUnitOf, seriesOf } from './reviewData';
import { count, pct } from './reviewFormat';
import { WinRateChart } from './WinRateChart';
import type { DealActor } from '@shared/collab/notes';

/** Props of NarrativeDetail. */
export interface NarrativeDetailProps {
  row: ReviewRow;
  narrative: NarrativeSummary;
  /** Every deal of the playbook (they set the chart's time unit) and the filter on them. */
  deals: readonly DealEntry[];
  filter: ReviewFilter;
  /** With a filter on: how many deals used this narrative in all (else null). */
  unfilteredCount: number | null;
  anchoredNotes: readonly (AnchoredNote & { id: string })[];
  narrativeTexts: ReadonlyMap<string, string>;
  actor: DealActor;
  canWrite: boolean;
  historyOf: (dealId: string) => DealEdit[];
  onLogDeal: (narrativeId: string | null) => void;
  onEditDeal: (deal: DealEntry) => void;
  /** Where each version of a narrative began (yyyy-mm-dd; marked on its chart). */
  versionMarkers?: (narrativeId: string) => readonly { date: string; label: string }[];
  /**
   * More about the narrative, shown under its chart (the review per version), given its deals unfiltered —
   * and whether a filter is on, so it can say that it does not apply there.
   */
  narrativeExtra?: (narrativeId: string, deals: readonly DealEntry[], filtering: boolean) => React.ReactNode;
  dealVersion?: DealVersionOf;
}

function Stat(props: { label: string; value: string; hint?: string; testId: string; wide?: boolean }) {
  return (
    <div className={props.wide ? 'stat stat-wide' : 'stat'} data-testid={props.testId}>
      <span className="stat-label">{props.label}</span>
      <span className="stat-value">{props.value}</span>
      {props.hint && <span className="stat-hint">{props.hint}</span>}
    </div>
  );
}

/** The detail pane. */
export function NarrativeDetail(props: NarrativeDetailProps) {
  const { row, narrative, deals, filter, canWrite, onLogDeal } = props;
  const s = row.score;
  const unit = periodUnitOf(deals);
  // This narrative's deals, then the filter on them: a filter costs what this narrative has, not the log.
  const all = dealsOf(deals, row.narrativeId);
  const own = dealsPassing(all, filter); // the very array `all` when no filter is on
  const series = seriesOf(own, row.narrativeId, unit);
  const markers =
    props.versionMarkers?.(row.narrativeId).map((m) => ({ label: m.label, period: periodOf(m.date, unit) })) ?? [];
  const decided = s ? s.won + s.lost : 0;
  const attention = row.attention;
  return (
    <article className="review-detail" data-testid="review-detail" aria-label={`Review of ${row.title}`}>
      <header className="review-detail-head">
        <h2>{row.title || 'Untitled narrative'}</h2>
        <p className="muted">{narrative.keyMessage}</p>
      </header>
      {!s ? (
        <div className="review-callout" data-testid="no-deals-callout">
          {props.unfilteredCount
            ? `No deals match these filters (${count(props.unfilteredCount)} in all).`
            : 'No deal in this selection used this narrative yet.'}
          {canWrite && (
            <button type="button" className="chip-button" onClick={() => onLogDeal(row.narrativeId)}>
              {props.unfilteredCount ? 'Log a deal' : 'Log the first one'}
            </button>
          )}
        </div>
      ) : (
        <>
          <div className="stat-grid">
            <Stat
              label="Deals"
              value={count(s.deals)}
              hint={s.open ? `${count(s.open)} still open` : 'all decided'}
              testId="stat-deals"
            />
            <Stat label="Won" value={count(s.won)} testId="stat-won" />
            <Stat
              label="Lost"
              value={count(s.lost)}
              hint={`${count(s.lostToCompetitor)} to a competitor · ${count(s.lostNoDecision)} no decision`}
              testId="stat-lost"
            />
            <Stat
              label="Win rate"
              value={s.winRate.rate === null ? '—' : pct(s.winRate.rate)}
              hint={
                s.winRate.rate === null
                  ? 'no decided deals yet'
                  : `95% interval ${pct(s.winRate.low)}–${pct(s.winRate.high)}`
              }
              testId="stat-win-rate"
              wide
            />
          </div>
          {s.smallSample && (
            <div className="review-callout review-callout-warn" role="note" data-testid="small-sample">
              <strong>Small sample:</strong> only {decided} decided deal{decided === 1 ? '' : 's'} (fewer than{' '}
              {SMALL_SAMPLE}
              ). The true win rate could be anywhere from {pct(s.winRate.low)} to {pct(s.winRate.high)} — don’t draw
              conclusions yet.
            </div>
          )}
          {attention && (
            <div className="review-callout review-callout-danger" role="note" data-testid="needs-attention">
              <strong>Needs attention:</strong>{' '}
              {attention.reasons
                .map((r) =>
                  r === 'recent-below-earlier'
                    ? `in the last ${RECENT_DAYS} days it won ${formatRateInterval(attention.recent)}, below the ${pct(attention.earlier.low)} it could be trusted for before`
                    : `${attention.recentLossesCitingIt} lost deals in the last ${RECENT_DAYS} days say it fell flat`,
                )
                .join('; ')}
              .
            </div>
          )}
          <section className="review-chart" aria-label="Win rate over time">
            <div className="review-section-head">
              <h3>Win rate over time</h3>
              <span className="muted">line: win rate · band: 95% interval</span>
            </div>
            {series.length > 0 ? (
              <WinRateChart series={series} markers={markers} />
            ) : (
              <p className="muted">No decided deals yet.</p>
            )}
          </section>
        </>
      )}
      {props.narrativeExtra?.(row.narrativeId, all, own !== all)}
      <AnchoredNoteList
        notes={props.anchoredNotes}
        narratives={[narrative]}
        texts={props.narrativeTexts}
        narrativeId={row.narrativeId}
      />
      <DealNotes
        narrativeId={row.narrativeId}
        deals={own}
        unfilteredCount={props.unfilteredCount}
        actor={props.actor}
        canWrite={canWrite}
        historyOf={props.historyOf}
        dealVersion={props.dealVersion}
        onEdit={props.onEditDeal}
      />
    </article>
  );
}
