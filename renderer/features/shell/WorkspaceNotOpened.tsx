/**
 * The screen of a workspace that did not open: its list of playbooks is damaged (set it aside and rebuild it
 * from the playbooks on this device), or something it needs could not be loaded (try again). Nothing is
 * changed until the person chooses.
 */
import type { WorkspaceRef } from '@shared/domain/settings';
import type { AppError } from '@shared/result';
import { EmptyState } from '../../ui/EmptyState';

/** Props of WorkspaceNotOpened. */
export interface WorkspaceNotOpenedProps {
  workspace: WorkspaceRef;
  error: AppError;
  /** Opens it again (something it needed could not be loaded). */
  onRetry: () => void;
  /** Sets the damaged list aside and rebuilds it (`corrupt`). */
  onRepair: () => void;
}

/** Why the workspace is not open, and the one thing to do about it. */
export function WorkspaceNotOpened({ workspace, error, onRetry, onRepair }: WorkspaceNotOpenedProps) {
  const damaged = error.code === 'corrupt';
  return (
    <main className="shell-main">
      <EmptyState
        headingLevel={1}
        title={`The workspace “${workspace.name}” could not be ${damaged ? 'read' : 'opened'}`}
        testId={damaged ? 'workspace-unreadable' : 'workspace-unavailable'}
        actions={
          <button type="button" className="button button-primary" onClick={damaged ? onRepair : onRetry}>
            {damaged ? 'Keep the damaged list aside and rebuild it' : 'Try again'}
          </button>
        }
      >
        <p>{error.message}</p>
        {damaged && (
          <p>
            Nothing was changed. Your playbooks’ own documents are untouched: rebuilding lists every playbook found on
            this device again (including ones deleted earlier), and keeps the damaged list aside.
          </p>
        )}
      </EmptyState>
    </main>
  );
}
