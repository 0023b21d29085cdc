/**
 * What the workspace shows where a playbook would be: how to write the first one (an empty workspace), or
 * which to pick. Loaded when it shows: a returning user's first screen is usually their last playbook.
 */
import { EmptyState } from '../../ui/EmptyState';
import { Kbd } from '../../ui/Kbd';

/** Props of WorkspaceEmpty. */
export interface WorkspaceEmptyProps {
  /** True when the workspace has no playbook at all (else none is selected). */
  empty: boolean;
  /** True when this person may create playbooks. */
  canEdit: boolean;
  onNew: () => void;
  onOpenSample: () => void;
}

/** The first-playbook invitation, or "Pick a playbook". */
export function WorkspaceEmpty({ empty, canEdit, onNew, onOpenSample }: WorkspaceEmptyProps) {
  if (!empty) {
    return (
      <EmptyState title="Pick a playbook" testId="workspace-pick">
        <p>Choose a playbook on the left, or create a new one.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="Write your first playbook"
      testId="workspace-empty"
      actions={
        <>
          {canEdit && (
            <button type="button" className="button button-primary" onClick={onNew}>
              New playbook
            </button>
          )}
          <button type="button" className="button" onClick={onOpenSample}>
            Explore the sample workspace
          </button>
        </>
      }
    >
      <p>
        A playbook holds your narratives: each with its key message, the persona it speaks to, the buying stage and the
        proof behind it. Start from a messaging house or a persona pitch.
      </p>
      <p className="muted">
        Shortcut: <Kbd keys="Mod+N" /> in the app · <Kbd keys="Mod+Alt+N" /> in a browser
      </p>
    </EmptyState>
  );
}
