/**
 * The deals behind a narrative's figures, newest first, with search and each entry's edit history. Only the
 * cards on screen exist (VirtualList); the search waits for a pause in typing and scans a precomputed
 * lowercase index, and the narrative's deals are picked once per change of the deals or the narrative.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DealEdit, DealEntry } from '@shared/domain/deal';
import { DealCard, type DealVersionOf } from './DealCard';
import { searchDeals, useDebouncedValue, warmSearchIndex } from './dealSearch';
import { count, plural } from './reviewFormat';
import { VirtualList } from './VirtualList';
import { canEditDeal, type DealActor } from '@shared/collab/notes';

/** Props of DealNotes. */
export interface DealNotesProps {
  narrativeId: string;
  /** This narrative's deals that pass the filters, newest close date first. */
  deals: readonly DealEntry[];
  /** With a filter on: how many deals used this narrative before filtering (else null). */
  unfilteredCount: number | null;
  /** Who is looking: their own entries can be edited. */
  actor: DealActor;
  canWrite: boolean;
  historyOf: (dealId: string) => DealEdit[];
  onEdit: (deal: DealEntry) => void;
  dealVersion?: DealVersionOf;
}

function isNewestFirst(deals: readonly DealEntry[]): boolean {
  for (let i = 1; i < deals.length; i++) if (deals[i - 1]!.closeDate < deals[i]!.closeDate) return false;
  return true;
}

/** Notes list with search. */
export function DealNotes(props: DealNotesProps) {
  const { narrativeId, deals, actor, canWrite, historyOf, onEdit, unfilteredCount, dealVersion } = props;
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query);
  const mine = useMemo(() => {
    // The app's deal log is already in this order; other callers (benchmarks) may not be.
    return isNewestFirst(deals)
      ? deals
      : [...deals].sort((a, b) => b.closeDate.localeCompare(a.closeDate) || b.updatedAt - a.updatedAt);
  }, [deals]);
  useEffect(() => warmSearchIndex(mine), [mine]);
  const shown = useMemo(() => searchDeals(mine, settledQuery), [mine, settledQuery]);
  const editOf = useCallback(
    (deal: DealEntry) => (canWrite && canEditDeal(deal, actor) ? onEdit : null),
    [canWrite, actor, onEdit],
  );
  const empty =
    settledQuery.trim() !== ''
      ? 'No note matches that search.'
      : unfilteredCount !== null && unfilteredCount > 0
        ? `No deals match these filters (${count(unfilteredCount)} in all).`
        : 'No deals yet.';
  return (
    <section className="review-notes" aria-label="Deal notes">
      <div className="review-section-head">
        <h3>Notes from the field</h3>
        <span className="muted review-notes-count" aria-live="polite" data-testid="notes-count">
          {shown.length === mine.length
            ? plural(mine.length, 'deal')
            : `${count(shown.length)} of ${plural(mine.length, 'deal')}`}
        </span>
        <input
          type="search"
          placeholder="Search notes, accounts, competitors…"
          aria-label="Search notes"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="notes-search"
        />
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="notes-empty">
          {empty}
        </p>
      ) : (
        <VirtualList
          items={shown}
          getKey={(d) => d.id}
          estimateSize={112}
          gap={8}
          label={`Deal notes, newest first`}
          className="deal-list-scroll"
          testId="deal-list"
          deferRows
          renderItem={(d) => (
            <DealCard
              deal={d}
              narrativeId={narrativeId}
              onEdit={editOf(d)}
              historyOf={historyOf}
              version={dealVersion?.(d, narrativeId) ?? null}
            />
          )}
        />
      )}
    </section>
  );
}
