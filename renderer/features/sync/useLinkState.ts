/** React access to a sync link's state (null for local-only documents). */
import { useEffect, useState } from 'react';
import type { LinkState, SyncLink } from '../../collab/SyncLink';

/** The link's current state, re-rendering on every change. */
export function useLinkState(link: SyncLink | null): LinkState | null {
  const [state, setState] = useState<LinkState | null>(() => link?.getState() ?? null);
  useEffect(() => {
    setState(link?.getState() ?? null);
    return link?.subscribe(setState);
  }, [link]);
  return state;
}

/** One line saying where a document's changes are, honestly. */
export function describeSaveState(local: 'saved' | 'saving' | 'error', link: LinkState | null): string {
  if (local === 'error') return 'Not saved — retrying';
  if (link === null) return local === 'saving' ? 'Saving…' : 'Saved on this device';
  const pending = link.unconfirmed;
  const changes = `${pending} change${pending === 1 ? '' : 's'}`;
  if (link.status === 'live') return pending === 0 ? 'Saved to server' : `Sending ${changes}…`;
  if (pending === 0) return link.status === 'offline' ? 'Offline · everything was saved to the server' : 'Connecting…';
  return `Saved on this device · ${changes} not on the server yet`;
}
