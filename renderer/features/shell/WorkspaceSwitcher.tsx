/** Shows the open workspace and lets the user switch, create one, or open the sample. */
import { useEffect, useRef, useState } from 'react';
import { PromptDialog } from '../../ui/PromptDialog';
import { runCommand } from '../../commands';
import { canHost } from '../host';
import { InviteDialog, JoinServerDialog } from '../sync';
import { useAppActions, useSettings, useWorkspaceState } from './AppContext';
import { useWorkspaceActions } from './useWorkspaceActions';

/** The workspace name button with its menu. */
export function WorkspaceSwitcher() {
  const settings = useSettings('workspaces');
  const workspace = useWorkspaceState();
  const { openWorkspace, leaveServer } = useAppActions();
  const { createWorkspace, openSample } = useWorkspaceActions();
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
        <div className="menu menu-wide" role="menu">
          {settings.workspaces.map((w) => (
            <button
              key={w.id}
              type="button"
              role="menuitem"
              className={w.id === current?.id ? 'menu-item is-current' : 'menu-item'}
              onClick={() => {
                setOpen(false);
                void openWorkspace(w);
              }}
            >
              {w.name}
            </button>
          ))}
          <div className="menu-sep" />
          <button type="button" role="menuitem" className="menu-item" onClick={() => (setOpen(false), setNaming(true))}>
            New workspace…
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => (setOpen(false), void openSample())}
          >
            Open the sample workspace
          </button>
          <div className="menu-sep" />
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => (setOpen(false), setJoining(true))}
          >
            Join a sync server…
          </button>
          {canHost() && (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => (setOpen(false), runCommand('host:open'))}
            >
              Host on this computer…
            </button>
          )}
          {current?.server && (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => (setOpen(false), setInviting(true))}
            >
              Invite people…
            </button>
          )}
          {current?.server && (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => (setOpen(false), void leaveServer(current))}
            >
              Leave the server (keep this copy)
            </button>
          )}
        </div>
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
