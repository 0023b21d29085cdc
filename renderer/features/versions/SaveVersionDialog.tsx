/** "Save version": a name (required) and an optional note; saving compresses the content in the background. */
import { useState, type FormEvent } from 'react';
import { VERSION_LIMITS } from '@shared/collab/versions';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';

/** Props of SaveVersionDialog. */
export interface SaveVersionDialogProps {
  defaultName: string;
  onSave: (name: string, note: string) => Promise<{ ok: true } | { ok: false; message: string }>;
  onClose: () => void;
}

/** The dialog. */
export function SaveVersionDialog({ defaultName, onSave, onClose }: SaveVersionDialogProps) {
  const [name, setName] = useState(defaultName);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await onSave(name, note);
    setBusy(false);
    if (!result.ok) setError(result.message);
  };
  return (
    <Dialog
      title="Save a version"
      open
      onClose={onClose}
      testId="save-version-dialog"
      footer={
        <FormActions
          formId="save-version-form"
          submitLabel={busy ? 'Saving…' : 'Save version'}
          onCancel={onClose}
          busy={busy}
        />
      }
    >
      <form id="save-version-form" className="form" onSubmit={(e) => void handleSubmit(e)}>
        <p className="muted">
          A version keeps the words of every narrative as they are now. Deals logged from now on count for it, so the
          review can tell whether a rewrite wins more.
        </p>
        <label className="field">
          <span>Name</span>
          <input
            autoFocus
            value={name}
            maxLength={VERSION_LIMITS.name}
            onChange={(e) => setName(e.target.value)}
            data-testid="version-name"
          />
        </label>
        <label className="field">
          <span>Note (optional)</span>
          <textarea
            rows={3}
            value={note}
            maxLength={VERSION_LIMITS.note}
            placeholder="What changed, and why?"
            onChange={(e) => setNote(e.target.value)}
            data-testid="version-note"
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
