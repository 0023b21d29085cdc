/**
 * The workspace's "Needs review" list: every narrative that is stale, changed since approved or waiting for
 * a storyteller, most open deals first, each opening its playbook (loads on first use; the sidebar entry
 * with the count is the shell's NeedsReviewEntry.tsx).
 */
import { describeGovernance, GOVERNANCE_LABELS } from '@shared/governance/narrativeGovernance';
import type { NeedsReviewItem } from '@shared/governance/needsReview';
import { EmptyState } from '../../ui/EmptyState';
import type { NeedsReviewScan } from './scanNeedsReview';
import './governance.css';

function why(item: NeedsReviewItem): string {
  return describeGovernance({
    narrativeId: item.narrativeId,
    state: item.state,
    stale: item.stale,
    approval: null,
    changedSinceApproved: false,
    last: null,
  });
}

/** Props of NeedsReviewView. */
export interface NeedsReviewViewProps {
  scan: NeedsReviewScan | null;
  onOpen: (playbookId: string) => void;
}

/** The list (in the main area, in place of a playbook). */
export function NeedsReviewView({ scan, onOpen }: NeedsReviewViewProps) {
  if (scan === null)
    return (
      <div className="loading" aria-busy="true" data-testid="needs-review-loading">
        Checking every playbook…
      </div>
    );
  return (
    <section className="needs-review" aria-labelledby="needs-review-title" data-testid="needs-review">
      <h1 id="needs-review-title">Needs review</h1>
      <p className="muted">
        Narratives past their review-by date, flagged by the win/loss review, changed since they were approved, or
        waiting for a storyteller — the ones most open deals cite first.
      </p>
      {scan.items.length === 0 ? (
        <EmptyState title="Nothing needs review" testId="needs-review-empty">
          <p>
            Every narrative is approved as it stands and within its review-by date. When one goes stale or changes after
            approval, it shows up here.
          </p>
        </EmptyState>
      ) : (
        <ol className="needs-review-list">
          {scan.items.map((item) => (
            <li
              key={`${item.playbookId}/${item.narrativeId}`}
              className="needs-review-item"
              data-testid="needs-review-item"
            >
              <div>
                <p>
                  <strong>{item.title || 'Untitled narrative'}</strong>{' '}
                  <span className={`deck-status status-${item.state}`}>{GOVERNANCE_LABELS[item.state]}</span>
                  {item.stale.length > 0 && <span className="stale-badge">Stale</span>}
                </p>
                <p className="muted">
                  {item.playbookTitle} · {why(item)}
                </p>
              </div>
              <span className="needs-review-deals">
                {item.openDeals} open {item.openDeals === 1 ? 'deal' : 'deals'}
              </span>
              <button type="button" className="button button-small" onClick={() => onOpen(item.playbookId)}>
                Open playbook
              </button>
            </li>
          ))}
        </ol>
      )}
      {scan.notOnDevice > 0 && (
        <p className="muted">
          {scan.notOnDevice === 1 ? 'One playbook is' : `${scan.notOnDevice} playbooks are`} not on this device yet and
          could not be checked: open {scan.notOnDevice === 1 ? 'it' : 'them'} once to include{' '}
          {scan.notOnDevice === 1 ? 'it' : 'them'}.
        </p>
      )}
    </section>
  );
}
