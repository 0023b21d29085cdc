/**
 * What the "Host on this computer" dialog shows, entirely from props — so every state (stopped, starting,
 * running locally or on the network, an invite just created, the members, an error) can be rendered and looked at
 * without a main process. `HostDialog` supplies the state.
 */
import type { FormEvent } from 'react';
import { ROLES, type Role } from '@shared/domain/settings';
import type { HostStatus } from '@shared/ipc/contract';
import { inviteCommand } from '@shared/collab/inviteCommand';
import { Dialog } from '../../ui/Dialog';
import { CopyButton } from '../../ui/CopyButton';
import { MembersSection, type MembersSectionProps } from './MembersSection';
import './host.css';

/** The invite form and its outcome. */
export interface InviteView {
  name: string;
  role: Role;
  busy: boolean;
  error: string | null;
  /** The last invite created: who, and what to give them. */
  created: { name: string; role: Role; token: string; address: string } | null;
}

/** Props of HostDialogView. */
export interface HostDialogViewProps {
  status: HostStatus;
  port: string;
  shareOnNetwork: boolean;
  error: string | null;
  /** The open workspace (invites are for it; this app joins it to the host), or null. */
  workspace: { id: string; name: string } | null;
  invite: InviteView;
  onPortChange(port: string): void;
  onShareChange(share: boolean): void;
  onStart(): void;
  onStop(): void;
  onClose(): void;
  onInviteChange(change: { name?: string; role?: Role }): void;
  onInvite(): void;
  /** The members section of the running host (shown when a workspace is open). */
  members: Omit<MembersSectionProps, 'workspaceName'>;
}

const ROLE_HINTS: Record<Role, string> = {
  storyteller: 'writes playbooks and notes',
  marketing: 'writes playbooks and notes',
  sales: 'reads playbooks, writes notes',
  viewer: 'reads everything',
};

function AddressRow({ url, label }: { url: string; label: string }) {
  return (
    <li className="host-address">
      <code>{url}</code>
      <span className="muted">{label}</span>
      <CopyButton text={url} label={`address ${url}`} />
    </li>
  );
}

function StartForm(props: HostDialogViewProps) {
  const starting = props.status.state === 'starting';
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    props.onStart();
  };
  return (
    <form id="host-form" className="form" onSubmit={handleSubmit}>
      <p className="muted">
        Run Duet’s sync server on this computer. Teammates connect to it while Duet is open here; everything they write
        is stored on this computer.
      </p>
      <label className="field host-port">
        <span>Port</span>
        <input
          autoFocus
          name="port"
          inputMode="numeric"
          value={props.port}
          disabled={starting}
          aria-invalid={props.error !== null && /port/i.test(props.error)}
          onChange={(e) => props.onPortChange(e.target.value)}
        />
      </label>
      <label className="host-check">
        <input
          type="checkbox"
          name="shareOnNetwork"
          checked={props.shareOnNetwork}
          disabled={starting}
          onChange={(e) => props.onShareChange(e.target.checked)}
        />
        <span>
          <strong>Share on my network</strong>
          <span className="muted">
            Teammates on the same Wi-Fi or office network can join. Leave it off to try hosting on this computer only.
          </span>
        </span>
      </label>
      {props.workspace ? (
        <p className="host-note">
          This app will sync <strong>{props.workspace.name}</strong> through the server, so invites can join it.
        </p>
      ) : (
        <p className="host-note">Open a workspace first to invite teammates to it.</p>
      )}
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
    </form>
  );
}

function InviteForm(props: HostDialogViewProps & { dataDir: string; fallbackAddress: string }) {
  const { invite, workspace } = props;
  if (workspace === null) return <p className="host-note">Open a workspace to invite teammates to it.</p>;
  const handleSubmit = (event: FormEvent): void => {
    event.preventDefault();
    props.onInvite();
  };
  const command = inviteCommand({
    dataDir: props.dataDir,
    workspaceId: workspace.id,
    name: invite.name.trim() || 'Sam',
    role: invite.role,
  });
  return (
    <section className="host-invite" aria-label="Invite a teammate">
      <h3>Invite a teammate to {workspace.name}</h3>
      <form id="host-invite-form" className="host-invite-row" onSubmit={handleSubmit}>
        <label className="field">
          <span>Name</span>
          <input
            autoFocus
            name="inviteName"
            value={invite.name}
            maxLength={80}
            placeholder="e.g. Sam Rivera"
            onChange={(e) => props.onInviteChange({ name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Role</span>
          <select
            name="inviteRole"
            value={invite.role}
            onChange={(e) => props.onInviteChange({ role: e.target.value as Role })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={invite.busy}>
          {invite.busy ? 'Creating…' : 'Create invite'}
        </button>
      </form>
      <p className="muted host-role-hint">
        {invite.role === 'viewer' ? 'A viewer' : `A ${invite.role} member`} {ROLE_HINTS[invite.role]}.
      </p>
      {invite.error && (
        <p className="form-error" role="alert">
          {invite.error}
        </p>
      )}
      {invite.created && (
        <div className="host-invite-result" data-testid="host-invite-result">
          <p>
            Give <strong>{invite.created.name}</strong> ({invite.created.role}) the address and the token. In Duet they
            choose <em>Join a sync server…</em> and paste both.
          </p>
          <div className="host-copy-row">
            <span className="host-copy-label">Address</span>
            <code>{invite.created.address}</code>
            <CopyButton text={invite.created.address} label="server address" />
          </div>
          <div className="host-copy-row">
            <span className="host-copy-label">Token</span>
            <code className="host-token">{invite.created.token}</code>
            <CopyButton text={invite.created.token} label="invite token" />
          </div>
          {invite.created.address === props.fallbackAddress && (
            <p className="muted">
              This address only works on this computer: stop, tick “Share on my network” and start again to invite
              someone on another computer.
            </p>
          )}
        </div>
      )}
      <details className="host-admin">
        <summary>Inviting from a terminal</summary>
        <p className="muted">An admin on this computer can create the same invites with:</p>
        <code className="host-command">{command}</code>
      </details>
    </section>
  );
}

function RunningPanel(props: HostDialogViewProps) {
  if (props.status.state !== 'running') return null;
  const running = props.status;
  return (
    <div className="form">
      <div className="host-state" data-testid="host-state">
        <span className="host-dot" />
        <span>
          Hosting on port <strong>{running.port}</strong>
          {running.shareOnNetwork ? ' for your network' : ' for this computer only'}
        </span>
        <span className="host-storage">
          {running.storage === 'sqlite' ? 'Stored in SQLite' : 'Stored in plain files'}
        </span>
      </div>
      <ul className="host-addresses">
        {running.lanUrls.map((url) => (
          <AddressRow key={url} url={url} label="for teammates" />
        ))}
        <AddressRow url={running.localUrl} label="this computer" />
      </ul>
      {running.shareOnNetwork && running.lanUrls.length === 0 && (
        <p className="host-note">
          This computer has no network address right now. Connect to a network, then stop and start again.
        </p>
      )}
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <InviteForm {...props} dataDir={running.dataDir} fallbackAddress={running.localUrl} />
      {props.workspace && <MembersSection workspaceName={props.workspace.name} {...props.members} />}
    </div>
  );
}

/** The dialog, drawn from props. */
export function HostDialogView(props: HostDialogViewProps) {
  const { state } = props.status;
  const footer =
    state === 'running' || state === 'stopping' ? (
      <>
        <button type="button" className="button" onClick={props.onStop} disabled={state === 'stopping'}>
          {state === 'stopping' ? 'Stopping…' : 'Stop hosting'}
        </button>
        <button type="button" className="button button-primary" onClick={props.onClose}>
          Done
        </button>
      </>
    ) : (
      <>
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" form="host-form" className="button button-primary" disabled={state === 'starting'}>
          {state === 'starting' ? 'Starting…' : 'Start hosting'}
        </button>
      </>
    );
  return (
    <Dialog
      title="Host on this computer"
      open
      onClose={props.onClose}
      testId="host-dialog"
      footer={footer}
      // Wide while running: the members table needs the room.
      wide={state === 'running'}
    >
      {state === 'running' ? (
        <RunningPanel {...props} />
      ) : state === 'stopping' ? (
        <p className="muted" role="status">
          Stopping: closing connections and storing everything received…
        </p>
      ) : (
        <StartForm {...props} />
      )}
    </Dialog>
  );
}
