/**
 * The workspace switcher's menu: the workspaces on this device, a new one, the sample, joining or hosting a
 * sync server, inviting, leaving. It loads the first time the menu opens (the button is on every first screen,
 * the menu seldom opened); the dialogs it leads to are the switcher's.
 */
import type { WorkspaceRef } from '@shared/domain/settings';
import { runCommand } from '../../commands';
import { canHost } from '../host';
import { useAppActions, useSettings } from './AppContext';
import { useWorkspaceActions } from './useWorkspaceActions';

/** Props of WorkspaceMenu. */
export interface WorkspaceMenuProps {
  /** The workspace open (or opening) now, if any. */
  current: WorkspaceRef | null;
  onClose: () => void;
  onNewWorkspace: () => void;
  onJoin: () => void;
  onInvite: () => void;
}

/** The menu under the workspace name; every item closes it. */
export function WorkspaceMenu({ current, onClose, onNewWorkspace, onJoin, onInvite }: WorkspaceMenuProps) {
  const settings = useSettings('workspaces');
  const { openWorkspace, leaveServer } = useAppActions();
  const { openSample } = useWorkspaceActions();
  return (
    <div className="menu menu-wide" role="menu">
      {settings.workspaces.map((w) => (
        <button
          key={w.id}
          type="button"
          role="menuitem"
          className={w.id === current?.id ? 'menu-item is-current' : 'menu-item'}
          onClick={() => {
            onClose();
            void openWorkspace(w);
          }}
        >
          {w.name}
        </button>
      ))}
      <div className="menu-sep" />
      <button type="button" role="menuitem" className="menu-item" onClick={() => (onClose(), onNewWorkspace())}>
        New workspace…
      </button>
      <button type="button" role="menuitem" className="menu-item" onClick={() => (onClose(), void openSample())}>
        Open the sample workspace
      </button>
      <div className="menu-sep" />
      <button type="button" role="menuitem" className="menu-item" onClick={() => (onClose(), onJoin())}>
        Join a sync server…
      </button>
      {canHost() && (
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => (onClose(), runCommand('host:open'))}
        >
          Host on this computer…
        </button>
      )}
      {current?.server && (
        <button type="button" role="menuitem" className="menu-item" onClick={() => (onClose(), onInvite())}>
          Invite people…
        </button>
      )}
      {current?.server && (
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => (onClose(), void leaveServer(current))}
        >
          Leave the server (keep this copy)
        </button>
      )}
    </div>
  );
}
