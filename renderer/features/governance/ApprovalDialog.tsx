/**
 * The approval dialog of one narrative: where it stands and why, its history, and what this person may do —
 * a storyteller approves (with a review-by date) or sends back with a comment; marketing requests review;
 * both may retire or reopen it. Readers never see it (the badge offers them nothing).
 */
import { useState, type FormEvent } from 'react';
import { APPROVAL_LIMITS } from '@shared/collab/approvals';
import {
  addDays,
  describeGovernance,
  type GovernanceEvent,
  type NarrativeGovernance,
} from '@shared/governance/narrativeGovernance';
import { Dialog } from '../../ui/Dialog';
import { formatWhen } from '../versions';
import type { GovernanceRights } from './GovernanceStore';

/** What the dialog can ask for; each resolves to an error message, or null when done. */
export interface ApprovalHandlers {
  approve: (comment: string, reviewBy: string) => Promise<string | null>;
  sendBack: (comment: string) => Promise<string | null>;
  request: (note: string) => Promise<string | null>;
  retire: (note: string) => Promise<string | null>;
  reopen: () => Promise<string | null>;
  setReviewDays: (days: number) => void;
  /** Opens the compare view from the approved version to now. */
  showDiff?: (versionId: string) => void;
}

/** Props of ApprovalDialog. */
export interface ApprovalDialogProps {
  title: string;
  governance: NarrativeGovernance;
  history: readonly GovernanceEvent[];
  rights: GovernanceRights;
  today: string;
  reviewDays: number;
  handlers: ApprovalHandlers;
  onClose: () => void;
}

const VERBS: Record<GovernanceEvent['kind'], string> = {
  approve: 'approved',
  'send-back': 'sent back',
  request: 'requested review',
  retire: 'retired',
  reopen: 'reopened',
};

function note(event: GovernanceEvent): string {
  return 'comment' in event ? event.comment : event.note;
}

/** The dialog. */
export function ApprovalDialog(props: ApprovalDialogProps) {
  const { governance: g, rights, handlers } = props;
  const [comment, setComment] = useState('');
  const [reviewBy, setReviewBy] = useState(() => addDays(props.today, props.reviewDays));
  const [days, setDays] = useState(String(props.reviewDays));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string | null>): Promise<void> => {
    setBusy(true);
    const message = await action();
    setBusy(false);
    if (message) setError(message);
    else props.onClose();
  };
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (rights.canApprove) void run(() => handlers.approve(comment, reviewBy));
    else void run(() => handlers.request(comment));
  };
  const formId = 'approval-form';
  const approvedVersion = g.approval?.versionId;
  const footer = (
    <>
      {g.state !== 'retired' && (
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          onClick={() => void run(() => handlers.retire(comment))}
        >
          Retire
        </button>
      )}
      {(g.state === 'retired' || g.state === 'sent-back') && (
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void run(handlers.reopen)}>
          Reopen as draft
        </button>
      )}
      <button type="button" className="button" onClick={props.onClose}>
        Cancel
      </button>
      {rights.canApprove && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => handlers.sendBack(comment))}
        >
          Send back
        </button>
      )}
      {(rights.canApprove || g.state !== 'in-review') && (
        <button type="submit" form={formId} className="button button-primary" disabled={busy}>
          {rights.canApprove ? 'Approve' : 'Request review'}
        </button>
      )}
    </>
  );
  return (
    <Dialog
      title={`Approval — ${props.title || 'Untitled narrative'}`}
      open
      onClose={props.onClose}
      footer={footer}
      testId="approval-dialog"
    >
      <form id={formId} className="form approval-form" onSubmit={handleSubmit}>
        <p className={`approval-state status-text-${g.state}`} data-testid="approval-state">
          {describeGovernance(g)}
          {g.changedSinceApproved && approvedVersion && handlers.showDiff && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => handlers.showDiff!(approvedVersion)}>
                See what changed since it was approved
              </button>
            </>
          )}
        </p>
        <label className="field">
          <span>{rights.canApprove ? 'Comment (needed to send back)' : 'Note for the storyteller (optional)'}</span>
          <textarea
            value={comment}
            maxLength={APPROVAL_LIMITS.comment}
            rows={3}
            name="comment"
            placeholder={
              rights.canApprove ? 'What should change, or why it is good to go' : 'What changed, what to look at'
            }
            onChange={(e) => setComment(e.target.value)}
            autoFocus
          />
        </label>
        {rights.canApprove && (
          <div className="approval-review-by">
            <label className="field">
              <span>Review again by</span>
              <input
                type="date"
                name="reviewBy"
                value={reviewBy}
                min={props.today}
                onChange={(e) => setReviewBy(e.target.value)}
              />
            </label>
            <label className="field">
              <span>Default for this playbook (days)</span>
              <input
                type="number"
                name="reviewDays"
                min={1}
                max={APPROVAL_LIMITS.reviewDaysMax}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                onBlur={() => {
                  const n = Number(days);
                  if (Number.isInteger(n) && n >= 1 && n <= APPROVAL_LIMITS.reviewDaysMax) {
                    handlers.setReviewDays(n);
                    setReviewBy(addDays(props.today, n));
                  } else setDays(String(props.reviewDays));
                }}
              />
            </label>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <section aria-label="History" className="approval-history">
          <h3>History</h3>
          {props.history.length === 0 ? (
            <p className="muted">Nobody has requested review or decided on this narrative yet.</p>
          ) : (
            <ol>
              {[...props.history].reverse().map((e) => (
                <li key={e.id}>
                  <strong>{e.by || 'Someone'}</strong> {VERBS[e.kind]} ·{' '}
                  <span className="muted">{formatWhen(e.at)}</span>
                  {note(e) && <q>{note(e)}</q>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </form>
    </Dialog>
  );
}
