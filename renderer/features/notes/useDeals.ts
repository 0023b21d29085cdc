/** React access to the deal log of an open notes document, and to who may write it. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DealEntry } from '@shared/domain/deal';
import type { Role } from '@shared/domain/settings';
import type { LinkState } from '../../collab/SyncLink';
import { LiveDeals, type DealsSnapshot } from './LiveDeals';
import type { NotesSession } from './NotesSession';
import { mayDo } from '@shared/domain/permissions';

const NOTHING: DealsSnapshot = { deals: [], complete: false, read: 0, total: 0, current: false };
const noSubscription = (): (() => void) => () => undefined;
const nothingYet = (): DealsSnapshot => NOTHING;

/**
 * The deal log of the notes document with the progress of its first read, re-rendering on each change
 * (local or from the server); with `promptly`, changes are read without the large log's coalescing delay. The log is kept by a LiveDeals, so a change re-reads only the deals it touched.
 */
export function useDealLog(session: NotesSession | null, promptly = false): DealsSnapshot {
  const [live, setLive] = useState<LiveDeals | null>(null);
  useEffect(() => {
    if (!session) return;
    const next = new LiveDeals(session.doc);
    setLive(next);
    return () => {
      next.dispose();
      setLive(null);
    };
  }, [session]);
  const snapshot = useSyncExternalStore(live?.subscribe ?? noSubscription, live?.getSnapshot ?? nothingYet);
  // `promptly`: someone is waiting for the log to be current (a device receiving the team's log), so changes
  // are read at once instead of being coalesced.
  useEffect(() => {
    if (promptly && !snapshot.current) live?.catchUp();
  }, [promptly, snapshot, live]);
  return snapshot;
}

/** Every deal of the notes document (empty until the first read is done). */
export function useDeals(session: NotesSession | null): readonly DealEntry[] {
  return useDealLog(session).deals;
}

/**
 * Whether this person may write notes: the server's word for this document once it has spoken, the local
 * role setting until then (viewers only read; every other role may log deals).
 */
export function mayWriteNotes(role: Role, link: Pick<LinkState, 'session'> | null): boolean {
  return mayDo('notes.write', role, link?.session);
}
