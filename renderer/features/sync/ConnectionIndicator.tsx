/** Always-visible connection state of the workspace: offline, connecting or live, and any problem. */
import type { LinkState } from '../../collab/SyncLink';

/** Props of ConnectionIndicator. */
export interface ConnectionIndicatorProps {
  state: LinkState | null;
  serverUrl: string | null;
  problem: string | null;
}

const LABELS = { offline: 'Offline', connecting: 'Connecting…', live: 'Live' } as const;

/** The pill under the workspace name. */
export function ConnectionIndicator({ state, serverUrl, problem }: ConnectionIndicatorProps) {
  if (serverUrl === null) {
    return (
      <div
        className="connection connection-local"
        data-testid="connection"
        title="This workspace is stored on this device only"
      >
        <span className="connection-dot" /> On this device only
      </div>
    );
  }
  const status = problem || state?.closedReason ? 'offline' : (state?.status ?? 'offline');
  const role = state?.session?.role;
  return (
    <div
      className={`connection connection-${status}`}
      data-testid="connection"
      data-status={status}
      title={problem ?? state?.closedReason ?? `Sync server ${serverUrl}`}
      role="status"
    >
      <span className="connection-dot" />
      {LABELS[status]}
      {role && <span className="connection-role">· {role}</span>}
      {(problem ?? state?.closedReason) && <span className="connection-problem">{problem ?? state?.closedReason}</span>}
    </div>
  );
}
