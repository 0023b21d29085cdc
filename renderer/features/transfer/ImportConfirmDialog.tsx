/**
 * The question before a workspace file that arrived from outside (double-clicked in the OS, dropped on the
 * window, File → Open Recent) is applied: which workspace it holds, how much, and whether it merges into a
 * copy on this device. The file is already decoded and validated; nothing is written until Import.
 */
import { Dialog } from '../../ui/Dialog';
import type { PreparedImport } from './workspaceTransfer';

/** Props of ImportConfirmDialog. */
export interface ImportConfirmDialogProps {
  prepared: PreparedImport;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before importing; Cancel is focused first so Enter never imports by accident. */
export function ImportConfirmDialog({ prepared, onConfirm, onCancel }: ImportConfirmDialogProps) {
  const { fileName, ref, docs, merged } = prepared;
  return (
    <Dialog
      title="Import this workspace?"
      open
      onClose={onCancel}
      testId="import-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm}>
            {merged ? 'Merge into my copy' : 'Import workspace'}
          </button>
        </>
      }
    >
      <p>
        <strong>{fileName}</strong> holds the workspace “{ref.name}” ({docs} {docs === 1 ? 'document' : 'documents'}).
      </p>
      <p className="muted">
        {merged
          ? 'You already have this workspace here. Its changes are merged into your copy; nothing is overwritten.'
          : 'It is added as a workspace of its own; your other workspaces are not touched.'}
      </p>
    </Dialog>
  );
}
