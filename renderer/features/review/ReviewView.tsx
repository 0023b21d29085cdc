/**
 * The win/loss review of a playbook: narratives ranked by what their deals let us claim (the lower bound of
 * the Wilson 95% interval), "needs attention" flags, and for the selected narrative its figures, a chart
 * of the win rate over time and the notes behind it. Filters apply to everything on the screen.
 */
import { useMemo, useState } from 'react';
import type { AnchoredNote } from '@shared/collab/textQuote';
import type { DealEdit, DealEntry } from '@shared/domain/deal';
import { BUYING_STAGE_LABELS, isBuyingStage, type NarrativeSummary } from '@shared/domain/narrative';
import { matchesFilter, SMALL_SAMPLE } from '@shared/stats/narrativeReview';
import { buildPlaybookReview, type ReviewRow } from '@shared/stats/playbookReview';
import { choosePeriodUnit, periodOf, RECENT_DAYS, winRateOverTime } from '@shared/stats/narrativeTrends';
import { formatRateInterval } from '@shared/stats/wilson';
import { EmptyState } from '../../ui/EmptyState';
import { AnchoredNoteList } from './AnchoredNoteList';
import { DealNotes } from './DealNotes';
import {
  filterOptions,
  localToday,
  NO_FILTER,
  toReviewFilter,
  type FilterState,
  type PeriodChoice,
} from './reviewFilter';
import { WinRateChart } from './WinRateChart';
import './review.css';

/** Props of ReviewView. */
export interface ReviewViewProps {
  narratives: readonly NarrativeSummary[];
  deals: readonly DealEntry[];
  /** Notes anchored to the words of narratives (none when omitted). */
  anchoredNotes?: readonly (AnchoredNote & { id: string })[];
  /** Each narrative's current plain text, to tell whether an anchored note's words are still there. */
  narrativeTexts?: ReadonlyMap<string, string>;
  author: string;
  canWrite: boolean;
  historyOf: (dealId: string) => DealEdit[];
  onLogDeal: (narrativeId: string | null) => void;
  onEditDeal: (deal: DealEntry) => void;
  /** Import/export actions (rendered in the toolbar). */
  actions?: React.ReactNode;
  /** Where each version of a narrative began (yyyy-mm-dd; marked on its chart). */
  versionMarkers?: (narrativeId: string) => readonly { date: string; label: string }[];
  /** More about the selected narrative, shown under its chart (the review per version). */
  narrativeExtra?: (narrativeId: string) => React.ReactNode;
  /** For benchmarks and tests: the date the review treats as today. */
  today?: string;
}

const NO_TEXTS: ReadonlyMap<string, string> = new Map();
const stageLabel = (s: string): string => (isBuyingStage(s) ? BUYING_STAGE_LABELS[s] : s);
const pct = (v: number): string => `${Math.round(v * 100)}%`;

/** The review screen. */
export function ReviewView(props: ReviewViewProps) {
  const { narratives, deals } = props;
  const today = props.today ?? localToday();
  const [filterState, setFilterState] = useState<FilterState>(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const filter = useMemo(() => toReviewFilter(filterState, today), [filterState, today]);
  const options = useMemo(() => filterOptions(deals), [deals]);
  const review = useMemo(
    () => buildPlaybookReview(narratives, deals, filter, today),
    [narratives, deals, filter, today],
  );
  const selected = review.rows.find((r) => r.narrativeId === selectedId) ?? review.rows.find((r) => r.score) ?? null;

  if (narratives.length === 0)
    return (
      <EmptyState title="No narratives to review yet" testId="review-empty">
        <p>The review shows which narratives win deals. Write a narrative in this playbook first, then log deals.</p>
      </EmptyState>
    );

  const setFilter = (patch: Partial<FilterState>): void => setFilterState((f) => ({ ...f, ...patch }));
  const select = (label: string, value: string, values: string[], key: 'persona' | 'stage' | 'competitor') => (
    <label className="review-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => setFilter({ [key]: e.target.value })} data-testid={`filter-${key}`}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {key === 'stage' ? stageLabel(v) : v}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="review" data-testid="review">
      <div className="review-toolbar">
        {select('Persona', filterState.persona, options.personas, 'persona')}
        {select('Stage', filterState.stage, options.stages, 'stage')}
        {select('Competitor', filterState.competitor, options.competitors, 'competitor')}
        <label className="review-filter">
          <span>Period</span>
          <select
            value={filterState.period}
            onChange={(e) => setFilter({ period: e.target.value as PeriodChoice })}
            data-testid="filter-period"
          >
            <option value="all">All time</option>
            <option value="90d">Last 90 days</option>
            <option value="12m">Last 12 months</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div className="review-toolbar-actions">
          {props.actions}
          {props.canWrite && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => props.onLogDeal(selected?.narrativeId ?? null)}
            >
              + Log deal
            </button>
          )}
        </div>
      </div>
      {deals.length === 0 ? (
        <div className="review-no-deals">
          <EmptyState title="No deals logged yet" testId="review-no-deals">
            <p>
              After a call or a closed deal, use <strong>+ Log deal</strong> above any narrative (or here) to record
              which narratives you used and how the deal went — or import your CRM’s opportunities from a CSV file.
            </p>
            <p>Win rates appear here as soon as deals are won or lost.</p>
          </EmptyState>
          <div className="review-no-deals-notes">
            <AnchoredNoteList
              notes={props.anchoredNotes ?? []}
              narratives={narratives}
              texts={props.narrativeTexts ?? NO_TEXTS}
            />
          </div>
        </div>
      ) : (
        <div className="review-body">
          <RankedList rows={review.rows} selectedId={selected?.narrativeId ?? null} onSelect={setSelectedId} />
          {selected && (
            <NarrativeDetail
              row={selected}
              narrative={narratives.find((n) => n.id === selected.narrativeId)!}
              {...props}
              filter={filter}
            />
          )}
        </div>
      )}
    </div>
  );
}

function RateBar({ row }: { row: ReviewRow }) {
  const w = row.score?.winRate;
  if (!w || w.rate === null) return <span className="rate-bar rate-bar-empty" aria-hidden="true" />;
  return (
    <span className="rate-bar" aria-hidden="true">
      <span className="rate-bar-interval" style={{ left: pct(w.low), width: pct(w.high - w.low) }} />
      <span className="rate-bar-point" style={{ left: pct(w.rate) }} />
    </span>
  );
}

function RankedList(props: { rows: ReviewRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  return (
    <nav className="review-ranking" aria-label="Narratives ranked by win rate">
      <div className="review-section-head">
        <h3>Narratives</h3>
        <span className="muted" title="Ranked by the lower bound of the 95% interval: what the deals let us claim.">
          ranked by what we can claim
        </span>
      </div>
      <ol>
        {props.rows.map((row, i) => {
          const s = row.score;
          const decided = s ? s.won + s.lost : 0;
          return (
            <li key={row.narrativeId}>
              <button
                type="button"
                className={row.narrativeId === props.selectedId ? 'rank-row is-selected' : 'rank-row'}
                onClick={() => props.onSelect(row.narrativeId)}
                aria-current={row.narrativeId === props.selectedId}
                data-testid="rank-row"
              >
                <span className="rank-number">{s ? i + 1 : '–'}</span>
                <span className="rank-main">
                  <span className="rank-title">{row.title || 'Untitled narrative'}</span>
                  <span className="rank-meta">
                    {s && s.winRate.rate !== null
                      ? `${pct(s.winRate.rate)} · ${decided} decided`
                      : s
                        ? `${s.open} open`
                        : 'no deals'}
                    {s?.smallSample && decided > 0 && <span className="tag tag-warn">small sample</span>}
                    {row.attention && <span className="tag tag-danger">needs attention</span>}
                  </span>
                </span>
                <RateBar row={row} />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function NarrativeDetail({
  row,
  narrative,
  deals,
  filter,
  author,
  canWrite,
  historyOf,
  onLogDeal,
  onEditDeal,
  anchoredNotes,
  narrativeTexts,
  versionMarkers,
  narrativeExtra,
}: ReviewViewProps & { row: ReviewRow; narrative: NarrativeSummary; filter: ReturnType<typeof toReviewFilter> }) {
  const s = row.score;
  const { series, unit } = useMemo(() => {
    const unit = choosePeriodUnit(deals.map((d) => d.closeDate));
    return { series: winRateOverTime(deals, row.narrativeId, unit, filter), unit };
  }, [deals, row.narrativeId, filter]);
  const markers = useMemo(
    () => versionMarkers?.(row.narrativeId).map((m) => ({ label: m.label, period: periodOf(m.date, unit) })) ?? [],
    [versionMarkers, row.narrativeId, unit],
  );
  const filtered = useMemo(() => deals.filter((d) => matchesFilter(d, filter)), [deals, filter]);
  const decided = s ? s.won + s.lost : 0;
  return (
    <article className="review-detail" data-testid="review-detail" aria-label={`Review of ${row.title}`}>
      <header className="review-detail-head">
        <h2>{row.title || 'Untitled narrative'}</h2>
        <p className="muted">{narrative.keyMessage}</p>
      </header>
      {!s ? (
        <div className="review-callout">
          No deal in this selection used this narrative yet.
          {canWrite && (
            <button type="button" className="chip-button" onClick={() => onLogDeal(row.narrativeId)}>
              Log the first one
            </button>
          )}
        </div>
      ) : (
        <>
          <div className="stat-grid">
            <Stat
              label="Deals"
              value={String(s.deals)}
              hint={s.open ? `${s.open} still open` : 'all decided'}
              testId="stat-deals"
            />
            <Stat label="Won" value={String(s.won)} testId="stat-won" />
            <Stat
              label="Lost"
              value={String(s.lost)}
              hint={`${s.lostToCompetitor} to a competitor · ${s.lostNoDecision} no decision`}
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
          {row.attention && (
            <div className="review-callout review-callout-danger" role="note" data-testid="needs-attention">
              <strong>Needs attention:</strong>{' '}
              {row.attention.reasons
                .map((r) =>
                  r === 'recent-below-earlier'
                    ? `in the last ${RECENT_DAYS} days it won ${formatRateInterval(row.attention!.recent)}, below the ${pct(row.attention!.earlier.low)} it could be trusted for before`
                    : `${row.attention!.recentLossesCitingIt} lost deals in the last ${RECENT_DAYS} days say it fell flat`,
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
      {narrativeExtra?.(row.narrativeId)}
      <AnchoredNoteList
        notes={anchoredNotes ?? []}
        narratives={[narrative]}
        texts={narrativeTexts ?? NO_TEXTS}
        narrativeId={row.narrativeId}
      />
      <DealNotes
        narrativeId={row.narrativeId}
        deals={filtered}
        author={author}
        canWrite={canWrite}
        historyOf={historyOf}
        onEdit={onEditDeal}
      />
    </article>
  );
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
