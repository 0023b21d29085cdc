/** The deals behind a narrative's figures, newest first, with search and each entry's edit history. */
import { useMemo, useState } from 'react';
import {
  DEAL_OUTCOME_LABELS,
  PERSPECTIVE_LABELS,
  RECEPTION_LABELS,
  type DealEdit,
  type DealEntry,
} from '@shared/domain/deal';

/** Props of DealNotes. */
export interface DealNotesProps {
  narrativeId: string;
  deals: readonly DealEntry[];
  /** Who is looking: their own entries can be edited. */
  author: string;
  canWrite: boolean;
  historyOf: (dealId: string) => DealEdit[];
  onEdit: (deal: DealEntry) => void;
}

function formatAmount(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`; // a code Intl does not know is still shown, as text
  }
}

/** Notes list with search. */
export function DealNotes({ narrativeId, deals, author, canWrite, historyOf, onEdit }: DealNotesProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const mine = deals.filter((d) => d.narratives.some((u) => u.narrativeId === narrativeId));
    const sorted = [...mine].sort((a, b) => b.closeDate.localeCompare(a.closeDate) || b.updatedAt - a.updatedAt);
    if (!q) return sorted;
    return sorted.filter((d) =>
      [d.account, d.dealName, d.note, d.competitor, d.author, d.crmId].some((t) => t.toLowerCase().includes(q)),
    );
  }, [deals, narrativeId, query]);
  return (
    <section className="review-notes" aria-label="Deal notes">
      <div className="review-section-head">
        <h3>Notes from the field</h3>
        <input
          type="search"
          placeholder="Search notes, accounts, competitors…"
          aria-label="Search notes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="notes-search"
        />
      </div>
      {shown.length === 0 && <p className="muted">{query ? 'No note matches that search.' : 'No deals yet.'}</p>}
      <ol className="deal-list">
        {shown.map((d) => {
          const use = d.narratives.find((u) => u.narrativeId === narrativeId)!;
          const history = historyOf(d.id);
          return (
            <li key={d.id} className="deal-card" data-testid="deal-card">
              <div className="deal-card-head">
                <span className={`outcome-tag outcome-${d.outcome}`}>{DEAL_OUTCOME_LABELS[d.outcome]}</span>
                <strong className="deal-card-account">{d.account}</strong>
                {d.dealName && <span className="muted">· {d.dealName}</span>}
                <span className="deal-card-meta">
                  {d.amount !== null && `${formatAmount(d.amount, d.currency)} · `}
                  {d.closeDate}
                </span>
              </div>
              <div className="deal-card-facts">
                <span className={`reception reception-${use.reception}`}>{RECEPTION_LABELS[use.reception]}</span>
                {d.competitor && <span>vs {d.competitor}</span>}
                {d.persona && <span>{d.persona}</span>}
                <span>{PERSPECTIVE_LABELS[d.perspective]}</span>
                {d.crmId && <span>CRM {d.crmId}</span>}
              </div>
              {d.note && <p className="deal-card-note">{d.note}</p>}
              <div className="deal-card-foot">
                <span>by {d.author}</span>
                {history.length > 0 && (
                  <details className="deal-history">
                    <summary>
                      edited {history.length}× · last {new Date(history[history.length - 1]!.at).toLocaleDateString()}
                    </summary>
                    <ul>
                      {history.map((h, i) => (
                        <li key={i}>
                          {new Date(h.at).toLocaleString()} — {h.author}:{' '}
                          {h.changes.map((c) => `${c.field} “${c.from}” → “${c.to}”`).join('; ')}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {canWrite && d.author === author && (
                  <button type="button" className="chip-button" onClick={() => onEdit(d)}>
                    Edit
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
