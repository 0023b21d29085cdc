/** Shows the open workspace and lets the user switch, create one, or open the sample. */
import { useEffect, useRef, useState } from 'react';
import { lazyPart } from '../../ui/lazyPart';
import { InviteDialog, JoinServerDialog } from '../sync';
import { useWorkspaceState } from './AppContext';
import { useWorkspaceActions } from './useWorkspaceActions';

/** "New workspace" asks for a name; its dialog loads the first time it opens. */
const PromptDialog = lazyPart(() => import('../../ui/PromptDialog'), 'PromptDialog', {
  label: 'Opening…',
  shape: 'dialog',
});

/** The menu loads the first time it opens (prefetched a second after the workspace shows). */
const WorkspaceMenu = lazyPart(() => import('./WorkspaceMenu'), 'WorkspaceMenu', {
  label: 'Opening the menu…',
  shape: 'dialog',
});

/** The workspace name button with its menu. */
export function WorkspaceSwitcher() {
  const workspace = useWorkspaceState();
  const { createWorkspace } = useWorkspaceActions();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const [joining, setJoining] = useState(false);
  const [inviting, setInviting] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);
  const current = workspace.status === 'none' ? null : workspace.ref;
  return (
    <div className="workspace-switcher" ref={ref}>
      <button
        type="button"
        className="workspace-button"
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="menu"
        aria-expanded={open}
      >
        <span className="workspace-mark">{(current?.name ?? 'D').slice(0, 1).toUpperCase()}</span>
        <span className="workspace-name">{current?.name ?? 'Duet'}</span>
        <span className="chevron">▾</span>
      </button>
      {open && (
        <WorkspaceMenu
          current={current}
          onClose={() => setOpen(false)}
          onNewWorkspace={() => setNaming(true)}
          onJoin={() => setJoining(true)}
          onInvite={() => setInviting(true)}
        />
      )}
      {joining && <JoinServerDialog onClose={() => setJoining(false)} />}
      {inviting && current?.server && (
        <InviteDialog workspace={current} serverUrl={current.server.url} onClose={() => setInviting(false)} />
      )}
      {naming && (
        <PromptDialog
          title="New workspace"
          label="Workspace name"
          placeholder="e.g. Acme marketing"
          confirmLabel="Create workspace"
          maxLength={120}
          onCancel={() => setNaming(false)}
          onSubmit={(name) => {
            setNaming(false);
            void createWorkspace(name);
          }}
        />
      )}
    </div>
  );
}
