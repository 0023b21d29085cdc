/** One deal in the review's notes list: outcome, account, how the narrative landed, the note, its history. */
import { memo, useState } from 'react';
import {
  DEAL_OUTCOME_LABELS,
  PERSPECTIVE_LABELS,
  RECEPTION_LABELS,
  type DealEdit,
  type DealEntry,
} from '@shared/domain/deal';
import { formatAmount, formatDay, formatMoment } from './reviewFormat';

/** The version of a narrative a deal counted for, as its card shows it. */
export interface DealVersionTag {
  /** Short label, e.g. "v2". */
  label: string;
  /** Why this version, in a sentence (shown on hover and read by screen readers). */
  reason: string;
}

/** Which version of `narrativeId` a deal counted for; null when the narrative had no version yet. */
export type DealVersionOf = (deal: DealEntry, narrativeId: string) => DealVersionTag | null;

/** Props of DealCard. */
export interface DealCardProps {
  deal: DealEntry;
  narrativeId: string;
  /** Null when this person may not edit it. */
  onEdit: ((deal: DealEntry) => void) | null;
  historyOf: (dealId: string) => DealEdit[];
  /** The narrative's version this deal counted for (null: none yet, or versions are not in use). */
  version: DealVersionTag | null;
}

/** The card (memoised: scrolling re-renders only the rows that come into view). */
export const DealCard = memo(function DealCard({ deal: d, narrativeId, onEdit, historyOf, version }: DealCardProps) {
  const use = d.narratives.find((u) => u.narrativeId === narrativeId);
  // Read when the card renders, so only the deals on screen pay for their history.
  const history = historyOf(d.id);
  return (
    <article
      className="deal-card"
      data-testid="deal-card"
      aria-label={`${DEAL_OUTCOME_LABELS[d.outcome]}: ${d.account}`}
    >
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
        {use && <span className={`reception reception-${use.reception}`}>{RECEPTION_LABELS[use.reception]}</span>}
        {version && (
          <span className="deal-version" title={version.reason} aria-label={version.reason} data-testid="deal-version">
            {version.label}
          </span>
        )}
        {d.competitor && <span>vs {d.competitor}</span>}
        {d.persona && <span>{d.persona}</span>}
        <span>{PERSPECTIVE_LABELS[d.perspective]}</span>
        {d.crmId && <span>CRM {d.crmId}</span>}
      </div>
      {d.note && <p className="deal-card-note">{d.note}</p>}
      <div className="deal-card-foot">
        <span>by {d.author}</span>
        {history.length > 0 && <DealHistory history={history} />}
        {onEdit && (
          <button type="button" className="chip-button" onClick={() => onEdit(d)}>
            Edit
          </button>
        )}
      </div>
    </article>
  );
});

/**
 * "edited 2× · last 3 May", opening on the list of edits. The list is rendered only once opened: a filter of
 * 20,000 deals renders a screenful of new cards, and nobody reads a collapsed history.
 */
function DealHistory({ history }: { history: DealEdit[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="deal-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        edited {history.length}× · last {formatDay(history[history.length - 1]!.at)}
      </summary>
      {open && (
        <ul>
          {history.map((h, i) => (
            <li key={i}>
              {formatMoment(h.at)} — {h.author}: {h.changes.map((c) => `${c.field} “${c.from}” → “${c.to}”`).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
