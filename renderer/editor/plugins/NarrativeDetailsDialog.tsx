/** Edits a narrative's short fields: status, persona, buying stage, owner and proof points. */
import { useState, type FormEvent } from 'react';
import {
  BUYING_STAGES,
  BUYING_STAGE_LABELS,
  NARRATIVE_LIMITS,
  NARRATIVE_STATUSES,
  NARRATIVE_STATUS_LABELS,
  normalizeNarrativeFields,
  type NarrativeFields,
  type NarrativeStatus,
  type NarrativeSummary,
} from '@shared/domain/narrative';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';

/** Which field the dialog opens on. */
export type DetailsField = 'status' | 'persona' | 'stage' | 'owner' | 'proofPoints';

/** Props of NarrativeDetailsDialog. */
export interface NarrativeDetailsDialogProps {
  summary: NarrativeSummary;
  focusField: DetailsField;
  onSave: (fields: NarrativeFields) => void;
  onCancel: () => void;
  /** Statuses this person may not pick (governance: only storytellers approve), and why. */
  lockedStatuses?: { statuses: readonly NarrativeStatus[]; reason: string };
}

/** The details form of one narrative. */
export function NarrativeDetailsDialog({
  summary,
  focusField,
  onSave,
  onCancel,
  lockedStatuses,
}: NarrativeDetailsDialogProps) {
  const locked = (status: NarrativeStatus): boolean =>
    status !== summary.status && (lockedStatuses?.statuses.includes(status) ?? false);
  const [fields, setFields] = useState<NarrativeFields>({
    status: summary.status,
    persona: summary.persona,
    stage: summary.stage,
    owner: summary.owner,
    proofPoints: summary.proofPoints.length ? summary.proofPoints : [''],
  });
  const set = <K extends keyof NarrativeFields>(key: K, value: NarrativeFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    onSave(normalizeNarrativeFields(fields));
  };
  const formId = `details-${summary.id}`;

  return (
    <Dialog
      title={summary.title ? `Details — ${summary.title}` : 'Narrative details'}
      open
      onClose={onCancel}
      testId="narrative-details"
      footer={<FormActions formId={formId} submitLabel="Save" onCancel={onCancel} />}
    >
      <form id={formId} className="form" onSubmit={handleSubmit}>
        <fieldset className="field">
          <legend>Status</legend>
          <div className="segmented">
            {NARRATIVE_STATUSES.map((status) => (
              <label key={status} className={fields.status === status ? `segment is-on status-${status}` : 'segment'}>
                <input
                  type="radio"
                  name="status"
                  value={status}
                  checked={fields.status === status}
                  disabled={locked(status)}
                  onChange={() => set('status', status)}
                  autoFocus={focusField === 'status' && fields.status === status}
                />
                {NARRATIVE_STATUS_LABELS[status]}
              </label>
            ))}
          </div>
          {lockedStatuses && lockedStatuses.statuses.length > 0 && (
            <p className="field-hint" data-testid="status-locked">
              {lockedStatuses.reason}
            </p>
          )}
        </fieldset>
        <label className="field">
          <span>Persona</span>
          <input
            value={fields.persona}
            maxLength={NARRATIVE_LIMITS.persona}
            placeholder="Who is this for? e.g. CFO, Fleet maintenance manager"
            onChange={(e) => set('persona', e.target.value)}
            autoFocus={focusField === 'persona'}
            name="persona"
          />
        </label>
        <label className="field">
          <span>Buying stage</span>
          <select
            value={fields.stage}
            onChange={(e) => set('stage', e.target.value as NarrativeFields['stage'])}
            autoFocus={focusField === 'stage'}
            name="stage"
          >
            <option value="">Any stage</option>
            {BUYING_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {BUYING_STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Owner</span>
          <input
            value={fields.owner}
            maxLength={NARRATIVE_LIMITS.owner}
            placeholder="Who keeps this narrative true?"
            onChange={(e) => set('owner', e.target.value)}
            autoFocus={focusField === 'owner'}
            name="owner"
          />
        </label>
        <fieldset className="field">
          <legend>Proof points</legend>
          {fields.proofPoints.map((point, i) => (
            <div className="proof-row" key={i}>
              <input
                value={point}
                maxLength={NARRATIVE_LIMITS.proofPoint}
                placeholder="A customer result, a number, a quote"
                aria-label={`Proof point ${i + 1}`}
                autoFocus={focusField === 'proofPoints' && i === fields.proofPoints.length - 1}
                onChange={(e) =>
                  set(
                    'proofPoints',
                    fields.proofPoints.map((p, j) => (j === i ? e.target.value : p)),
                  )
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove proof point ${i + 1}`}
                onClick={() =>
                  set(
                    'proofPoints',
                    fields.proofPoints.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </button>
            </div>
          ))}
          {fields.proofPoints.length < NARRATIVE_LIMITS.proofPoints && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => set('proofPoints', [...fields.proofPoints, ''])}
            >
              + Add proof point
            </button>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
