/** The dialog that attaches a note to the words a salesperson selected in a narrative. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import './notes.css';
import type { AnchoredNotesState } from './useAnchoredNotes';

/** The "Note on these words" dialog, when a note is being written. */
export function AnchoredNoteDialog({ anchored }: { anchored: AnchoredNotesState }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (anchored.pending === null) return null;
  const close = (): void => {
    setNote('');
    setError(null);
    anchored.cancel();
  };
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const result = anchored.save(note);
    if (!result.ok) return setError(result.message);
    setNote('');
    setError(null);
  };
  return (
    <Dialog
      title="Note on these words"
      open
      onClose={close}
      testId="anchored-note-dialog"
      footer={<FormActions formId="anchored-note-form" submitLabel="Save note" onCancel={close} />}
    >
      <form id="anchored-note-form" className="form" onSubmit={handleSubmit}>
        <blockquote className="anchored-quote" data-testid="anchored-quote">
          {anchored.pending.selector.exact}
        </blockquote>
        <label className="field">
          <span>Your note</span>
          <textarea
            autoFocus
            rows={4}
            maxLength={5000}
            value={note}
            placeholder="What happened when you used these words?"
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) handleSubmit(e);
            }}
            data-testid="anchored-note-text"
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
