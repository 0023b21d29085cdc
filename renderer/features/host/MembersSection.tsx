/**
 * The members of the hosted workspace, drawn from props: name, role (a picker), last seen, devices connected
 * now, and Revoke. Changes that take something away go through a confirmation that names the person and
 * says what will happen; `HostDialog` owns the state and talks to the main process.
 */
import { ROLES, type Role } from '@shared/domain/settings';
import type { HostMember } from '@shared/ipc/contract';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { confirmationFor, devicesLabel, lastSeenLabel, type PendingMemberChange } from './memberLabels';

/** The members list and the change in flight. */
export interface MembersView {
  /** 'loading' only until the first answer; later refreshes keep the list on screen. */
  status: 'loading' | 'ready' | 'error';
  members: HostMember[];
  /** Why loading or the last change failed, in words. */
  error: string | null;
  /** The member whose change is being applied. */
  busyId: string | null;
  /** A change waiting for confirmation. */
  pending: PendingMemberChange | null;
}

/** Props of MembersSection. */
export interface MembersSectionProps {
  workspaceName: string;
  view: MembersView;
  /** Unix seconds, for "5 min ago". */
  nowSeconds: number;
  /** The member this app connects as (marked "you", and not revocable from here), or null. */
  selfId: string | null;
  onRoleChange(member: HostMember, role: Role): void;
  onRevoke(member: HostMember): void;
  onConfirm(): void;
  onCancel(): void;
  onRetry(): void;
}

function MemberRow({ member, props }: { member: HostMember; props: MembersSectionProps }) {
  const revoked = member.revokedAt !== null;
  const busy = props.view.busyId === member.id;
  const connected = member.devices > 0;
  const self = member.id === props.selfId;
  return (
    <tr className={revoked ? 'host-member host-member-revoked' : 'host-member'} aria-busy={busy || undefined}>
      <th scope="row" className="host-member-name">
        <span className={connected ? 'host-presence host-presence-on' : 'host-presence'} aria-hidden="true" />
        <span>{member.name}</span>
        {self && <span className="host-you">you</span>}
      </th>
      <td>
        {revoked ? (
          <span className="muted">{member.role}</span>
        ) : (
          <select
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={busy}
            onChange={(e) => props.onRoleChange(member, e.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className={connected ? 'host-member-live' : 'muted'}>
        {revoked ? 'Revoked' : lastSeenLabel(member, props.nowSeconds)}
      </td>
      <td className="host-member-devices">{devicesLabel(member.devices)}</td>
      <td className="host-member-actions">
        {!revoked && !self && (
          <button
            type="button"
            className="button button-small host-revoke"
            aria-label={`Revoke ${member.name}`}
            disabled={busy}
            onClick={() => props.onRevoke(member)}
          >
            {busy ? 'Saving…' : 'Revoke'}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The members section of the running host. */
export function MembersSection(props: MembersSectionProps) {
  const { view } = props;
  const confirmation = view.pending ? confirmationFor(view.pending, props.selfId) : null;
  return (
    <section className="host-members" aria-label="Members" data-testid="host-members">
      <h3>People in {props.workspaceName}</h3>
      {view.status === 'loading' && (
        <p className="muted" role="status">
          Loading members…
        </p>
      )}
      {view.status === 'ready' && view.members.length === 0 && (
        <p className="host-note" data-testid="host-members-empty">
          Nobody has been invited to {props.workspaceName} yet. Each invite you create appears here with its role, when
          the person was last seen and how many of their devices are connected — and you can change the role or revoke
          the invite at any time.
        </p>
      )}
      {view.members.length > 0 && (
        <table className="host-members-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Last seen</th>
              <th scope="col">Devices</th>
              <th scope="col">
                <span className="host-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((member) => (
              <MemberRow key={member.id} member={member} props={props} />
            ))}
          </tbody>
        </table>
      )}
      {view.error && (
        <div className="form-error host-members-error" role="alert">
          <span>{view.error}</span>
          {view.status === 'error' && (
            <button type="button" className="button button-small" onClick={props.onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {view.members.some((m) => m.revokedAt === null) && (
        <p className="muted host-members-hint">
          Role changes and revocations reach connected devices within a few seconds.
        </p>
      )}
      <ConfirmDialog
        open={confirmation !== null}
        title={confirmation?.title ?? ''}
        message={confirmation?.message ?? ''}
        confirmLabel={confirmation?.confirmLabel ?? ''}
        onConfirm={props.onConfirm}
        onCancel={props.onCancel}
      />
    </section>
  );
}
