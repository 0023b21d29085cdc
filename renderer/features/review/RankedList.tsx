/**
 * The review's left column: the playbook's narratives ranked by what their deals let us claim (the lower
 * bound of the win-rate interval), virtualized so a playbook of hundreds of narratives renders a screenful.
 */
import type { ReviewRow } from '@shared/stats/playbookReview';
import { pct } from './reviewFormat';
import { VirtualList } from './VirtualList';

/** Props of RankedList. */
export interface RankedListProps {
  rows: readonly ReviewRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** True when a filter is on (a narrative without matching deals then says so). */
  filtered: boolean;
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

/** The ranking. */
export function RankedList({ rows, selectedId, onSelect, filtered }: RankedListProps) {
  const renderRow = (row: ReviewRow, i: number) => {
    const s = row.score;
    const decided = s ? s.won + s.lost : 0;
    return (
      <button
        type="button"
        className={row.narrativeId === selectedId ? 'rank-row is-selected' : 'rank-row'}
        onClick={() => onSelect(row.narrativeId)}
        aria-current={row.narrativeId === selectedId}
        data-testid="rank-row"
      >
        <span className="rank-number">{s ? i + 1 : '–'}</span>
        <span className="rank-main">
          <span className="rank-title" title={row.title || undefined}>
            {row.title || 'Untitled narrative'}
          </span>
          <span className="rank-meta">
            {s && s.winRate.rate !== null
              ? `${pct(s.winRate.rate)} · ${decided} decided`
              : s
                ? `${s.open} open`
                : filtered
                  ? 'no matching deals'
                  : 'no deals'}
            {s?.smallSample && decided > 0 && <span className="tag tag-warn">small sample</span>}
            {row.attention && <span className="tag tag-danger">needs attention</span>}
          </span>
        </span>
        <RateBar row={row} />
      </button>
    );
  };
  return (
    <nav className="review-ranking" aria-label="Narratives ranked by win rate">
      <div className="review-section-head">
        <h3>Narratives</h3>
        <span className="muted" title="Ranked by the lower bound of the 95% interval: what the deals let us claim.">
          ranked by what we can claim
        </span>
      </div>
      <VirtualList
        items={rows}
        getKey={(row) => row.narrativeId}
        estimateSize={58}
        renderItem={renderRow}
        label="Narratives, best first"
        className="review-ranking-scroll"
        testId="rank-list"
      />
    </nav>
  );
}
