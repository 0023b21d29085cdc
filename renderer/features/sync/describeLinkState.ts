/**
 * The words for where a document's changes are and whether the server can be reached — one place, so the
 * title bar and the sidebar never disagree, and pure, so every case is tested.
 */
import type { LinkState } from '../../collab/SyncLink';

/** Local save state of a document (see LocalPersistence). */
export type LocalSaveState = 'saved' | 'saving' | 'error';

function changes(count: number): string {
  return `${count} change${count === 1 ? '' : 's'}`;
}

/** "retrying in 8 s", or "trying to reach the server…" while an attempt is under way. */
export function describeRetry(nextRetryAt: number | null, now: number): string {
  if (nextRetryAt === null) return 'trying to reach the server…';
  return `retrying in ${Math.max(1, Math.ceil((nextRetryAt - now) / 1000))} s`;
}

/** Whether "Retry now" makes sense: offline, and the server did not close the connection for good. */
export function canRetry(link: LinkState | null): boolean {
  return link !== null && link.status === 'offline' && link.closedReason === null;
}

/** One line saying where a document's changes are, honestly. */
export function describeSaveState(local: LocalSaveState, link: LinkState | null, now = Date.now()): string {
  if (local === 'error') return 'Not saved — retrying';
  if (link === null) return local === 'saving' ? 'Saving…' : 'Saved on this device';
  const pending = link.unconfirmed;
  if (link.status === 'live' && link.storeDown) {
    // Connected, but the server stores nothing now: others' changes do not arrive, ours wait here.
    if (link.session?.canWrite === false) return 'Read-only · the server cannot store right now, changes wait';
    return pending === 0
      ? 'Saved on this device · the server cannot store right now'
      : `Saved on this device · ${changes(pending)} wait until the server can store again`;
  }
  if (link.session?.canWrite === false) {
    // A reader sends nothing, so there is never anything "to send"; say what the copy on screen is.
    if (link.status === 'live') return 'Read-only · up to date';
    if (link.status === 'connecting') return 'Read-only · connecting…';
    return `Offline — read-only copy on this device${retrySuffix(link, now)}`;
  }
  if (link.status === 'live') return pending === 0 ? 'Saved to server' : `Sending ${changes(pending)}…`;
  if (link.status === 'connecting') {
    return pending === 0 ? 'Saved on this device · connecting…' : `Saved on this device · ${changes(pending)} to send`;
  }
  if (link.closedReason !== null) {
    return pending === 0
      ? 'Offline — saved on this device'
      : `Offline — saved on this device · ${changes(pending)} not on the server`;
  }
  const waiting = pending === 0 ? '' : ` · ${changes(pending)} will be sent when the server is back`;
  return `Offline — saved on this device${waiting}${retrySuffix(link, now)}`;
}

function retrySuffix(link: LinkState, now: number): string {
  return link.closedReason === null ? ` · ${describeRetry(link.nextRetryAt, now)}` : '';
}
