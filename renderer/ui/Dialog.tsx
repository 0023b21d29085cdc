/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it for free. When it
 * closes — also when it is simply no longer rendered — focus goes back to what had it when it opened (an
 * editor with its selection, see focusReturn.ts), so typing goes on where it was.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { captureFocus } from './focusReturn';

/** Props of Dialog. */
export interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Wider layout for pickers. */
  wide?: boolean;
  testId?: string;
}

/** A modal dialog with a title, a body and an optional footer of actions. */
export function Dialog({ title, open, onClose, children, footer, wide, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // The content mounts only once the dialog is shown: React's autoFocus runs when an element mounts, and
  // inside a dialog that is still closed (display: none) it would silently fail — showModal() would then
  // focus the first button (the × in the header) instead of the field or the safe choice.
  const [shown, setShown] = useState(false);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    // Taken before showModal() moves focus into the dialog.
    const opener = captureFocus();
    if (!dialog.open) dialog.showModal();
    setShown(true);
    // Runs when `open` turns false and when the dialog is removed while open (React does not call close()
    // then, so the browser would leave focus on <body> and the next keystrokes would be lost).
    return () => {
      // Only when focus is still ours to give: if the app moved it on purpose (a new view's field), it stays.
      const active = document.activeElement;
      const ours = active === null || active === document.body || dialog.contains(active);
      if (dialog.open) dialog.close();
      setShown(false);
      if (ours) opener.restore();
    };
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const handleCancel = (event: Event): void => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => dialog.removeEventListener('cancel', handleCancel);
  }, [onClose]);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-label={title} data-testid={testId}>
      {open && shown && (
        <>
          <header className="dialog-header">
            <h2>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
