/** React access to the deal log of an open notes document, and to who may write it. */
import { useEffect, useState } from 'react';
import { observeDeals, readDeals } from '@shared/collab/notes';
import type { DealEntry } from '@shared/domain/deal';
import type { Role } from '@shared/domain/settings';
import type { LinkState } from '../../collab/SyncLink';
import type { NotesSession } from './NotesSession';

/** Every deal of the notes document, re-rendering on each change (local or from the server). */
export function useDeals(session: NotesSession | null): DealEntry[] {
  const [deals, setDeals] = useState<DealEntry[]>(() => (session ? readDeals(session.doc) : []));
  useEffect(() => {
    if (!session) return;
    setDeals(readDeals(session.doc));
    return observeDeals(session.doc, setDeals);
  }, [session]);
  return deals;
}

/**
 * Whether this person may write notes: the server's word for this document once it has spoken, the local
 * role setting until then (viewers only read; every other role may log deals).
 */
export function mayWriteNotes(role: Role, link: LinkState | null): boolean {
  return link?.session ? link.session.canWrite : role !== 'viewer';
}
