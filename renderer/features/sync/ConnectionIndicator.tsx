/**
 * Always-visible connection state of the workspace: on this device only, connecting (the first attempt),
 * live, or offline — with what that means for the work, when the next attempt comes and "Retry now".
 */
import type { LinkState } from '../../collab/SyncLink';
import { canRetry, describeRetry } from './describeLinkState';
import { useNow } from './useLinkState';

/** Props of ConnectionIndicator. */
export interface ConnectionIndicatorProps {
  state: LinkState | null;
  serverUrl: string | null;
  problem: string | null;
  /** Tries every link of the workspace now. */
  onRetry: () => void;
}

const LABELS = { offline: 'Offline', connecting: 'Connecting…', live: 'Live' } as const;

/** The pill under the workspace name. */
export function ConnectionIndicator({ state, serverUrl, problem, onRetry }: ConnectionIndicatorProps) {
  const retrying = problem === null && canRetry(state);
  const now = useNow(retrying && state?.nextRetryAt !== null);
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
  const trouble = problem ?? state?.closedReason ?? null;
  return (
    <div
      className={`connection connection-${status}`}
      data-testid="connection"
      data-status={status}
      title={trouble ?? `Sync server ${serverUrl}`}
      role="status"
    >
      <span className="connection-dot" />
      {LABELS[status]}
      {role && <span className="connection-role">· {role}</span>}
      {trouble && <span className="connection-problem">{trouble}</span>}
      {retrying && state && (
        <span className="connection-retry" data-testid="connection-retry">
          <span>
            Saved on this device · <span data-testid="retry-time">{describeRetry(state.nextRetryAt, now)}</span>
          </span>
          <button
            type="button"
            className="inline-link"
            onClick={onRetry}
            disabled={state.nextRetryAt === null}
            data-testid="retry-now"
          >
            Retry now
          </button>
        </span>
      )}
    </div>
  );
}
