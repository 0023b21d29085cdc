/**
 * Adds, changes or removes the link on the selection. Only http, https and mailto targets are accepted;
 * anything else (javascript:, data:, file:) is refused with a message, never stored.
 */
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useState, type FormEvent } from 'react';
import { normalizeLinkInput } from '@shared/domain/url';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';

/**
 * Puts the caret right after the words the dialog was about, so typing goes on after the link instead of
 * replacing the words that were just linked (or, after Cancel, the words that were selected to be linked).
 */
function $caretAfterSelection(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
  const end = selection.isBackward() ? selection.anchor : selection.focus;
  selection.anchor.set(end.key, end.offset, end.type);
  selection.focus.set(end.key, end.offset, end.type);
}

/** Props of LinkDialog. */
export interface LinkDialogProps {
  editor: LexicalEditor;
  initialUrl: string;
  onClose: () => void;
}

/** The link dialog. */
export function LinkDialog({ editor, initialUrl, onClose: close }: LinkDialogProps) {
  const [value, setValue] = useState(initialUrl);
  // Every way out (Apply, Enter, Remove, Cancel, Esc, ×) leaves the caret after the words; the dialog then
  // gives focus back to the editor, which shows that caret (ui/focusReturn.ts).
  const onClose = (): void => {
    editor.update($caretAfterSelection);
    close();
  };
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const url = normalizeLinkInput(value);
    if (url === null) {
      setError('Enter a web address (https://…) or an email address. Other kinds of links are not allowed.');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    onClose();
  };
  return (
    <Dialog
      title={initialUrl ? 'Edit link' : 'Add link'}
      open
      onClose={onClose}
      testId="link-dialog"
      footer={
        <FormActions
          formId="link-form"
          submitLabel="Apply"
          onCancel={onClose}
          extra={
            initialUrl && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
                  onClose();
                }}
              >
                Remove link
              </button>
            )
          }
        />
      }
    >
      <form id="link-form" className="form" onSubmit={handleSubmit}>
        <label className="field">
          <span>Address</span>
          <input
            autoFocus
            value={value}
            placeholder="https://example.com or name@example.com"
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            name="url"
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
