/**
 * Workspace files that arrive from outside rather than through File → Import: handed over by the OS
 * (double-click, "Open with", a second launch, File → Open Recent — taken from the main process at start
 * and on each 'workspace:open-file') or dropped on the window. Each is decoded and validated like an
 * import, then waits for the user's confirmation. A CSV dropped outside the review is explained, not
 * ignored (the review's own drop zone takes CSV files, and claims the drop before it reaches the window).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedFile } from '@shared/ipc/contract';
import { useCommand } from '../../commands';
import { platform } from '../../platform/platform';
import { useToasts } from '../../ui/Toasts';
import { dragHasFiles, droppedKind, prepareImport, readDroppedWorkspace, type PreparedImport } from '../transfer';
import { useSettings } from './AppContext';

/** What the shell shows: the import waiting for confirmation, and whether files are dragged over the window. */
export interface IncomingFiles {
  waiting: PreparedImport | null;
  dismiss(): void;
  dragging: boolean;
}

/** Listens for incoming workspace files; the shell asks for confirmation and applies them. */
export function useIncomingFiles(): IncomingFiles {
  const settings = useSettings('workspaces');
  const toasts = useToasts();
  const [waiting, setWaiting] = useState<PreparedImport | null>(null);
  const [dragging, setDragging] = useState(false);
  const known = useRef(settings.workspaces);
  known.current = settings.workspaces;

  const receive = useCallback(
    async (picked: PickedFile) => {
      const prepared = await prepareImport(picked, known.current);
      if (!prepared.ok) toasts.show({ kind: 'error', message: `Nothing was imported. ${prepared.error.message}` });
      else setWaiting(prepared.value);
    },
    [toasts],
  );

  const takeOpened = useCallback(async () => {
    const taken = await platform.invoke('workspace:takeOpened');
    if (!taken.ok) toasts.show({ kind: 'error', message: `Nothing was imported. ${taken.error.message}` });
    else if (taken.value !== null) await receive(taken.value);
  }, [receive, toasts]);

  // A file the app was launched with waits in the main process until the page asks.
  useEffect(() => void takeOpened(), [takeOpened]);
  useCommand('workspace:open-file', () => void takeOpened());

  useEffect(() => {
    let depth = 0;
    const handleDragEnter = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const handleDragLeave = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const handleDragOver = (event: DragEvent): void => {
      // Without this the browser would open the file in place of the app.
      if (dragHasFiles(event)) event.preventDefault();
    };
    // Capture phase: the drag is over even when a drop zone inside (the review) stops the drop's propagation.
    const handleDropCapture = (): void => {
      depth = 0;
      setDragging(false);
    };
    const handleDrop = (event: DragEvent): void => {
      if (!dragHasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      const kind = droppedKind(file.name);
      if (kind === 'workspace') {
        void readDroppedWorkspace(file).then((read) =>
          read.ok
            ? receive(read.value)
            : toasts.show({ kind: 'error', message: `Nothing was imported. ${read.error.message}` }),
        );
      } else if (kind === 'csv') {
        toasts.show({
          kind: 'info',
          message: 'To import deals from a CSV file, open a playbook’s review and drop it there.',
        });
      } else {
        toasts.show({ kind: 'info', message: `${file.name} is not a Duet workspace (.duet) or a CRM export (.csv).` });
      }
    };
    window.addEventListener('dragenter', handleDragEnter);
    window.addEventListener('dragleave', handleDragLeave);
    window.addEventListener('dragover', handleDragOver);
    window.addEventListener('drop', handleDropCapture, true);
    window.addEventListener('drop', handleDrop);
    return () => {
      window.removeEventListener('drop', handleDropCapture, true);
      window.removeEventListener('dragenter', handleDragEnter);
      window.removeEventListener('dragleave', handleDragLeave);
      window.removeEventListener('dragover', handleDragOver);
      window.removeEventListener('drop', handleDrop);
    };
  }, [receive, toasts]);

  return { waiting, dismiss: () => setWaiting(null), dragging };
}
