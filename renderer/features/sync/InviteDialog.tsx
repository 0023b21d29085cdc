/**
 * "Invite people…" for a workspace joined to a sync server. Invites are made by whoever runs the server,
 * with its CLI; the browser client cannot make one, but it can show the workspace id the admin needs and
 * the exact command, ready to copy.
 */
import { useState } from 'react';
import { DEFAULT_SERVER_DATA_DIR, inviteCommand } from '@shared/collab/inviteCommand';
import { ROLES, type Role } from '@shared/domain/settings';
import { Dialog } from '../../ui/Dialog';
import { CopyButton } from '../../ui/CopyButton';

/** Props of InviteDialog. */
export interface InviteDialogProps {
  workspace: { id: string; name: string };
  serverUrl: string;
  onClose: () => void;
}

/** Longest member name the server's CLI accepts. */
const NAME_MAX = 80;

/** The workspace id, the server address and the admin's invite command, each copyable. */
export function InviteDialog({ workspace, serverUrl, onClose }: InviteDialogProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('sales');
  const command = inviteCommand({
    dataDir: DEFAULT_SERVER_DATA_DIR,
    workspaceId: workspace.id,
    name: name.trim() || 'New teammate',
    role,
  });
  return (
    <Dialog
      title={`Invite people to ${workspace.name}`}
      open
      onClose={onClose}
      testId="invite-dialog"
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="form invite-info">
        <p className="muted">
          Invites are made by whoever runs the sync server. Send them this workspace’s id, or the command below to run
          in the Duet folder on the server’s computer.
        </p>
        <div className="invite-copy-row">
          <span className="invite-copy-label">Workspace id</span>
          <code data-testid="invite-workspace-id">{workspace.id}</code>
          <CopyButton text={workspace.id} label="workspace id" />
        </div>
        <div className="invite-copy-row">
          <span className="invite-copy-label">Server</span>
          <code data-testid="invite-server-url">{serverUrl}</code>
          <CopyButton text={serverUrl} label="server address" />
        </div>
        <div className="invite-person">
          <label className="field">
            <span>Their name</span>
            <input
              name="inviteName"
              value={name}
              maxLength={NAME_MAX}
              placeholder="New teammate"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Role</span>
            <select name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="invite-command-box">
          <code className="invite-command" data-testid="invite-command">
            {command}
          </code>
          <CopyButton text={command} label="invite command" />
        </div>
        <p className="muted invite-note">
          <code>--data</code> is the folder the server was started with. The command prints the invite token on its last
          line: send it with the server address; your teammate pastes both into <em>Join a sync server…</em>
        </p>
      </div>
    </Dialog>
  );
}
