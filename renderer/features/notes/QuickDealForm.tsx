/**
 * The quick deal form: a keyboard-first dialog to log (or, for its author, edit) a deal in under a minute.
 * Enter saves from any field (Shift+Enter starts a new line in the note), Escape cancels, Tab walks the
 * fields in the order a rep recalls a deal. It only writes the local notes document, so it works offline.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  DEAL_LIMITS,
  DEAL_OUTCOME_LABELS,
  DEAL_OUTCOMES,
  parseLocaleAmount,
  PERSPECTIVE_LABELS,
  PERSPECTIVES,
  RECEPTION_LABELS,
  RECEPTIONS,
  type DealEntry,
  type DealInput,
  type DealOutcome,
  type Perspective,
  type Reception,
} from '@shared/domain/deal';
import { BUYING_STAGE_LABELS, BUYING_STAGES, type NarrativeSummary } from '@shared/domain/narrative';
import { validateDealInput } from '@shared/collab/notes';
import { Dialog } from '../../ui/Dialog';
import { Kbd } from '../../ui/Kbd';
import './notes.css';

/** Props of QuickDealForm. */
export interface QuickDealFormProps {
  /** Narratives of the playbook, to pick from. */
  narratives: readonly NarrativeSummary[];
  /** The narrative the form was opened from (preselected); null from the review's toolbar. */
  narrativeId: string | null;
  /** The deal to edit, or null for a new one. */
  editing?: DealEntry | null;
  onSave: (input: DealInput) => { ok: true } | { ok: false; message: string };
  onCancel: () => void;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Draft {
  account: string;
  dealName: string;
  crmId: string;
  amount: string;
  currency: string;
  stage: string;
  persona: string;
  outcome: DealOutcome;
  competitor: string;
  closeDate: string;
  uses: { narrativeId: string; reception: Reception }[];
  note: string;
  perspective: Perspective;
}

function initialDraft(props: QuickDealFormProps): Draft {
  const e = props.editing;
  if (e) return { ...e, amount: e.amount === null ? '' : String(e.amount), uses: [...e.narratives] };
  const from = props.narratives.find((n) => n.id === props.narrativeId);
  return {
    account: '',
    dealName: '',
    crmId: '',
    amount: '',
    currency: 'EUR',
    stage: from?.stage ?? '',
    persona: from?.persona ?? '',
    outcome: 'won',
    competitor: '',
    closeDate: today(),
    uses: props.narrativeId ? [{ narrativeId: props.narrativeId, reception: 'resonated' }] : [],
    note: '',
    perspective: 'rep',
  };
}

/** The dialog. Mount it to open it. */
export function QuickDealForm(props: QuickDealFormProps) {
  const { narratives, onCancel } = props;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(props));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const titleOf = (narrativeId: string): string =>
    narratives.find((n) => n.id === narrativeId)?.title || 'Narrative no longer in this playbook';
  const unused = narratives.filter((n) => !draft.uses.some((u) => u.narrativeId === n.id));

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    const amount = draft.amount.trim() === '' ? null : parseLocaleAmount(draft.amount);
    if (amount === null && draft.amount.trim() !== '') {
      setError('amount: Enter the amount as a number, e.g. 48000 or 48.000,50.');
      return;
    }
    if (draft.uses.length === 0) {
      setError('Pick at least one narrative you used.');
      return;
    }
    const { uses, ...rest } = draft;
    const valid = validateDealInput({ ...rest, amount, currency: rest.currency.toUpperCase(), narratives: uses });
    if (!valid.ok) return setError(valid.error.message);
    const saved = props.onSave(valid.value);
    if (!saved.ok) setError(saved.message);
  };

  // Enter saves from single-line fields and selects; in the note, Shift+Enter is a new line.
  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && event.shiftKey) return;
    event.preventDefault();
    submit();
  };

  const text = (key: 'account' | 'dealName' | 'crmId' | 'competitor' | 'persona', label: string, max: number) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={draft[key]}
        maxLength={max}
        onChange={(e) => set(key, e.target.value)}
        autoFocus={key === 'account'}
        data-testid={`deal-${key}`}
      />
    </label>
  );

  return (
    <Dialog
      open
      wide
      title={props.editing ? 'Edit deal' : 'Log a deal'}
      onClose={onCancel}
      testId="quick-deal-form"
      footer={
        <>
          <span className="dialog-hint muted">
            <Kbd keys="Enter" /> save · <Kbd keys="Esc" /> cancel
          </span>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={id} className="button button-primary" data-testid="deal-save">
            {props.editing ? 'Save changes' : 'Log deal'}
          </button>
        </>
      }
    >
      <form id={id} className="form deal-form" onSubmit={submit} onKeyDown={handleKeyDown} noValidate>
        <div className="form-row">
          {text('account', 'Account', DEAL_LIMITS.account)}
          {text('dealName', 'Deal name', DEAL_LIMITS.dealName)}
        </div>
        <div className="deal-form-row-3">
          <label className="field">
            <span>Outcome</span>
            <select
              value={draft.outcome}
              onChange={(e) => set('outcome', e.target.value as DealOutcome)}
              data-testid="deal-outcome"
            >
              {DEAL_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {DEAL_OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Amount</span>
            <input
              value={draft.amount}
              inputMode="decimal"
              placeholder="0"
              maxLength={30}
              onChange={(e) => set('amount', e.target.value)}
              data-testid="deal-amount"
            />
          </label>
          <label className="field deal-currency">
            <span>Currency</span>
            <input
              value={draft.currency}
              maxLength={3}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
              data-testid="deal-currency"
            />
          </label>
          <label className="field">
            <span>Close date</span>
            <input
              type="date"
              value={draft.closeDate}
              onChange={(e) => set('closeDate', e.target.value)}
              data-testid="deal-close-date"
            />
          </label>
        </div>
        <div className="deal-form-row-3">
          {text('competitor', 'Competitor', DEAL_LIMITS.competitor)}
          <label className="field">
            <span>Stage reached</span>
            <select value={draft.stage} onChange={(e) => set('stage', e.target.value)} data-testid="deal-stage">
              <option value="">Not set</option>
              {BUYING_STAGES.map((s) => (
                <option key={s} value={s}>
                  {BUYING_STAGE_LABELS[s]}
                </option>
              ))}
              {draft.stage && !(BUYING_STAGES as readonly string[]).includes(draft.stage) && (
                <option value={draft.stage}>{draft.stage}</option>
              )}
            </select>
          </label>
          {text('persona', 'Buyer persona', DEAL_LIMITS.persona)}
        </div>
        <fieldset className="field deal-narratives">
          <legend>Narratives used · how each landed</legend>
          {draft.uses.map((use, i) => (
            <div className="deal-use" key={use.narrativeId}>
              <span className="deal-use-title">{titleOf(use.narrativeId)}</span>
              <select
                aria-label={`How “${titleOf(use.narrativeId)}” landed`}
                value={use.reception}
                onChange={(e) =>
                  set(
                    'uses',
                    draft.uses.map((u, j) => (j === i ? { ...u, reception: e.target.value as Reception } : u)),
                  )
                }
                data-testid="deal-reception"
              >
                {RECEPTIONS.map((r) => (
                  <option key={r} value={r}>
                    {RECEPTION_LABELS[r]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove “${titleOf(use.narrativeId)}”`}
                onClick={() =>
                  set(
                    'uses',
                    draft.uses.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </button>
            </div>
          ))}
          {unused.length > 0 && (
            <select
              aria-label="Add a narrative"
              value=""
              onChange={(e) =>
                e.target.value && set('uses', [...draft.uses, { narrativeId: e.target.value, reception: 'resonated' }])
              }
              data-testid="deal-add-narrative"
            >
              <option value="">+ Add another narrative…</option>
              {unused.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title || 'Untitled narrative'}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <label className="field">
          <span>Note</span>
          <textarea
            rows={3}
            value={draft.note}
            maxLength={DEAL_LIMITS.note}
            placeholder="What did the buyer say? (Shift+Enter for a new line)"
            onChange={(e) => set('note', e.target.value)}
            data-testid="deal-note"
          />
        </label>
        <div className="form-row">
          <fieldset className="field">
            <legend>Whose view</legend>
            <div className="segmented" role="radiogroup">
              {PERSPECTIVES.map((p) => (
                <label key={p} className={draft.perspective === p ? 'segment is-on segment-accent' : 'segment'}>
                  <input
                    type="radio"
                    name={`${id}-perspective`}
                    value={p}
                    checked={draft.perspective === p}
                    onChange={() => set('perspective', p)}
                  />
                  {PERSPECTIVE_LABELS[p]}
                </label>
              ))}
            </div>
          </fieldset>
          {text('crmId', 'CRM id (optional)', DEAL_LIMITS.crmId)}
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="deal-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
