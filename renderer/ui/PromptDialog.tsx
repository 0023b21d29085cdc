/** Asks for one line of text (Electron has no window.prompt). */
import { useState, type FormEvent } from 'react';
import { FormActions } from './FormActions';
import { Dialog } from './Dialog';

/** Props of PromptDialog. */
export interface PromptDialogProps {
  title: string;
  label: string;
  initialValue?: string;
  placeholder?: string;
  confirmLabel: string;
  maxLength: number;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

/** A one-field form in a dialog; empty input is refused with a message. */
export function PromptDialog(props: PromptDialogProps) {
  const [value, setValue] = useState(props.initialValue ?? '');
  const [error, setError] = useState(false);
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!value.trim()) return setError(true);
    props.onSubmit(value.trim());
  };
  return (
    <Dialog
      title={props.title}
      open
      onClose={props.onCancel}
      testId="prompt-dialog"
      footer={<FormActions formId="prompt-form" submitLabel={props.confirmLabel} onCancel={props.onCancel} />}
    >
      <form id="prompt-form" className="form" onSubmit={handleSubmit}>
        <label className="field">
          <span>{props.label}</span>
          <input
            autoFocus
            value={value}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            onChange={(e) => (setValue(e.target.value), setError(false))}
            aria-invalid={error}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            Please enter a name.
          </p>
        )}
      </form>
    </Dialog>
  );
}
