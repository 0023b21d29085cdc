/**
 * The footer of every form dialog: optional extra actions on the left, then Cancel and the submit button
 * (which submits the dialog's form by id, so Enter in any field and the button do the same thing).
 */
import type { ReactNode } from 'react';

/** Props of FormActions. */
export interface FormActionsProps {
  /** The id of the <form> the submit button submits. */
  formId: string;
  submitLabel: string;
  onCancel: () => void;
  busy?: boolean;
  /** Shown before Cancel, e.g. "Remove link". */
  extra?: ReactNode;
}

/** Cancel + submit, in the order and style every dialog uses. */
export function FormActions({ formId, submitLabel, onCancel, busy, extra }: FormActionsProps) {
  return (
    <>
      {extra}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}
