/**
 * The win/loss review of a playbook: the playbook-wide figure on top, narratives ranked by what their deals
 * let us claim (the lower bound of the Wilson 95% interval), "needs attention" flags, and for the selected
 * narrative its figures, a chart of the win rate over time and the notes behind it. Filters apply to
 * everything on the screen.
 *
 * Built for a year of CRM history: every derivation is memoised on its inputs (the deal log, the filter, the
 * narratives), so a filter change filters once and aggregates once, and the lists render only what is on
 * screen. 20,000 deals open in about the time 200 do.
 */
import { useMemo, useState } from 'react';
import type { AnchoredNote } from '@shared/collab/textQuote';
import type { DealEdit, DealEntry } from '@shared/domain/deal';
import { BUYING_STAGE_LABELS, isBuyingStage, type NarrativeSummary } from '@shared/domain/narrative';
import { EmptyState } from '../../ui/EmptyState';
import { holdUnclaimedCsvDrops } from './heldCsvDrop';
import { AnchoredNoteList } from './AnchoredNoteList';
import type { DealVersionOf } from './DealCard';
import { NarrativeDetail } from './NarrativeDetail';
import { RankedList } from './RankedList';
import { dealsOf, optionsOf, reviewFor, summaryFor } from './reviewData';
import { count } from './reviewFormat';
import {
  isFiltering,
  localToday,
  NO_FILTER,
  toReviewFilter,
  type FilterState,
  type FilterValues,
  type PeriodChoice,
} from './reviewFilter';
import { ReviewSummary } from './ReviewSummary';
import './review.css';
import type { DealActor } from '@shared/collab/notes';

/** Props of ReviewView. */
export interface ReviewViewProps {
  narratives: readonly NarrativeSummary[];
  /** Every deal, newest close date first (the deal log's order). */
  deals: readonly DealEntry[];
  /**
   * While the deal log is still being read: how far it is (`total` 0 while its document is still being
   * opened, before the deals can be counted). `from: 'server'` while this device is receiving its first copy
   * from the sync server: `read` is the deals arrived so far, the total is not known until the last arrives.
   */
  loading?: { read: number; total: number; from?: 'device' | 'server' } | null;
  /**
   * True when the server's deal log has not reached this device and the server cannot be reached now: the
   * figures count only the deals on this device, and the review says so above them.
   */
  incomplete?: boolean;
  /** Why the deal log could not be opened (its saved data is damaged), instead of showing it empty. */
  loadError?: string | null;
  /** Notes anchored to the words of narratives (none when omitted). */
  anchoredNotes?: readonly (AnchoredNote & { id: string })[];
  /** Each narrative's current plain text, to tell whether an anchored note's words are still there. */
  narrativeTexts?: ReadonlyMap<string, string>;
  actor: DealActor;
  canWrite: boolean;
  historyOf: (dealId: string) => DealEdit[];
  onLogDeal: (narrativeId: string | null) => void;
  onEditDeal: (deal: DealEntry) => void;
  /** Import/export actions (rendered in the toolbar). */
  actions?: React.ReactNode;
  /** Where each version of a narrative began (yyyy-mm-dd; marked on its chart). */
  versionMarkers?: (narrativeId: string) => readonly { date: string; label: string }[];
  /**
   * More about the selected narrative, shown under its chart (the review per version), given the deals that
   * used it, unfiltered (picked from an index kept per deal log, so it need not walk every deal).
   */
  narrativeExtra?: (narrativeId: string, deals: readonly DealEntry[], filtering: boolean) => React.ReactNode;
  /** Which version of the narrative a deal counted for, shown on its card (absent: no versions). */
  dealVersion?: DealVersionOf;
  /** For benchmarks and tests: the date the review treats as today. */
  today?: string;
}

const NO_TEXTS: ReadonlyMap<string, string> = new Map();
const NO_NOTES: readonly (AnchoredNote & { id: string })[] = [];
const stageLabel = (s: string): string => (isBuyingStage(s) ? BUYING_STAGE_LABELS[s] : s);

type MenuKey = 'persona' | 'stage' | 'competitor';

function FilterMenu(props: {
  label: string;
  menu: MenuKey;
  value: string;
  options: FilterValues;
  onChange: (value: string) => void;
}) {
  const { values, omitted } = props.options;
  const shown = props.value && !values.includes(props.value) ? [props.value, ...values] : values;
  return (
    <label className="review-filter">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={`filter-${props.menu}`}>
        <option value="">All</option>
        {shown.map((v) => (
          <option key={v} value={v}>
            {props.menu === 'stage' ? stageLabel(v) : v}
          </option>
        ))}
        {omitted > 0 && <option disabled>{`… and ${count(omitted)} rarer`}</option>}
      </select>
    </label>
  );
}

/** The review screen. */
export function ReviewView(props: ReviewViewProps) {
  const { narratives, deals } = props;
  const today = props.today ?? localToday();
  const [filterState, setFilterState] = useState<FilterState>(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const filtering = isFiltering(filterState);
  const filter = useMemo(() => toReviewFilter(filterState, today), [filterState, today]);
  // Each of these is memoised per input beyond this component (reviewData.ts), so reopening the review or
  // going back to All does not compute again.
  const options = optionsOf(deals);
  const review = reviewFor(narratives, deals, filter, today);
  const summary = summaryFor(deals, filter, today);
  const total = filtering ? summaryFor(deals, {}, today) : null;
  const selected = review.rows.find((r) => r.narrativeId === selectedId) ?? review.rows.find((r) => r.score) ?? null;
  const narrative = selected ? narratives.find((n) => n.id === selected.narrativeId) : undefined;

  if (narratives.length === 0)
    return (
      <EmptyState title="No narratives to review yet" testId="review-empty">
        <p>The review shows which narratives win deals. Write a narrative in this playbook first, then log deals.</p>
      </EmptyState>
    );

  const setFilter = (patch: Partial<FilterState>): void => {
    // The narrative on screen stays there: a filter narrows its figures rather than swapping it for whichever
    // narrative ranks first under the filter (which also kept recomputing its per-version review, ~5 ms a
    // change at 20,000 deals).
    if (selectedId === null && selected) setSelectedId(selected.narrativeId);
    setFilterState((f) => ({ ...f, ...patch }));
  };
  const loading = props.loading ?? null;

  return (
    <div className="review" data-testid="review" data-drop-zone="csv" ref={holdUnclaimedCsvDrops}>
      <div className="review-toolbar">
        <FilterMenu
          label="Persona"
          menu="persona"
          value={filterState.persona}
          options={options.personas}
          onChange={(persona) => setFilter({ persona })}
        />
        <FilterMenu
          label="Stage"
          menu="stage"
          value={filterState.stage}
          options={options.stages}
          onChange={(stage) => setFilter({ stage })}
        />
        <FilterMenu
          label="Competitor"
          menu="competitor"
          value={filterState.competitor}
          options={options.competitors}
          onChange={(competitor) => setFilter({ competitor })}
        />
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
      {props.loadError ? (
        <div className="review-loading" role="alert" data-testid="review-load-error">
          <strong>The deal log could not be opened.</strong>
          <span>{props.loadError}</span>
        </div>
      ) : loading?.from === 'server' ? (
        <div className="review-loading" role="status" data-testid="review-loading">
          <span>
            Receiving the team’s deal log from the server…{' '}
            {loading.read > 0 && `${count(loading.read)} ${loading.read === 1 ? 'deal' : 'deals'} so far`}
          </span>
          <progress aria-label="Receiving the deal log" />
          <span className="muted">The figures appear once every deal has arrived.</span>
        </div>
      ) : loading && loading.total === 0 ? (
        <div className="review-loading" role="status" data-testid="review-loading">
          <span>Opening the deal log…</span>
          <progress aria-label="Opening the deal log" />
        </div>
      ) : loading ? (
        <div className="review-loading" role="status" data-testid="review-loading">
          <span>
            Reading the deal log… {count(loading.read)} of {count(loading.total)}
          </span>
          <progress max={loading.total} value={loading.read} aria-label="Deals read" />
        </div>
      ) : deals.length === 0 && props.incomplete ? (
        <EmptyState title="The deal log has not reached this device yet" testId="review-not-received">
          <p>
            This playbook’s deals are on the team’s sync server, which cannot be reached right now. They arrive as soon
            as it can{props.canWrite ? '; deals you log meanwhile are kept here and sent then' : ''}.
          </p>
        </EmptyState>
      ) : deals.length === 0 ? (
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
              notes={props.anchoredNotes ?? NO_NOTES}
              narratives={narratives}
              texts={props.narrativeTexts ?? NO_TEXTS}
            />
          </div>
        </div>
      ) : (
        <>
          {props.incomplete && (
            <p className="review-incomplete" role="status" data-testid="review-incomplete">
              <strong>Offline — the team’s deal log has not reached this device yet.</strong> These figures count only
              the {count(deals.length)} {deals.length === 1 ? 'deal' : 'deals'} on this device; the rest arrives when
              the server can be reached.
            </p>
          )}
          <ReviewSummary summary={summary} total={total} />
          <div className="review-body">
            <RankedList
              rows={review.rows}
              selectedId={selected?.narrativeId ?? null}
              onSelect={setSelectedId}
              filtered={filtering}
            />
            {selected && narrative && (
              <NarrativeDetail
                row={selected}
                narrative={narrative}
                deals={deals}
                filter={filter}
                unfilteredCount={filtering ? dealsOf(deals, selected.narrativeId).length : null}
                anchoredNotes={props.anchoredNotes ?? NO_NOTES}
                narrativeTexts={props.narrativeTexts ?? NO_TEXTS}
                actor={props.actor}
                canWrite={props.canWrite}
                historyOf={props.historyOf}
                onLogDeal={props.onLogDeal}
                onEditDeal={props.onEditDeal}
                versionMarkers={props.versionMarkers}
                narrativeExtra={props.narrativeExtra}
                dealVersion={props.dealVersion}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
