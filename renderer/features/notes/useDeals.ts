/** React access to the deal log of an open notes document, and to who may write it. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { dealsMap, readDeal, readDeals } from '@shared/collab/notes';
import type { DealEntry } from '@shared/domain/deal';
import type { Role } from '@shared/domain/settings';
import type { LinkState } from '../../collab/SyncLink';
import type { NotesSession } from './NotesSession';
import { runInSlices } from './csv/slices';

/** How long changes are gathered before the list is rebuilt: an import writes a batch every few ms. */
const COALESCE_MS = 120;

/**
 * The least time between two rebuilds while changes keep coming: rebuilding (and re-rendering the review)
 * costs more the bigger the log, so a 20,000-deal import refreshes the list about every two seconds, while a
 * single change after a quiet moment still shows within COALESCE_MS.
 */
const gapFor = (deals: number): number => COALESCE_MS + deals / 10;

/** Newest close date first, ties newest entry first — the order of `readDeals` (ISO dates compare as text). */
function newestFirst(a: DealEntry, b: DealEntry): number {
  if (a.closeDate !== b.closeDate) return a.closeDate < b.closeDate ? 1 : -1;
  return b.createdAt - a.createdAt;
}

/**
 * Every deal of the notes document, re-rendering after changes (local or from the server). Only the deals a
 * change touched are read again, and changes arriving together (an import's batches, a sync) are gathered
 * into one update: re-reading and re-validating 20,000 deals per batch would freeze the window.
 */
export function useDeals(session: NotesSession | null): DealEntry[] {
  const [deals, setDeals] = useState<DealEntry[]>(() => (session ? readDeals(session.doc) : []));
  useEffect(() => {
    if (!session) return;
    const { doc } = session;
    const initial = readDeals(doc);
    const cache = new Map(initial.map((d) => [d.id, d]));
    setDeals(initial);
    const dirty = new Set<string>();
    const disposed = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let flushing = false;
    let lastFlush = Number.NEGATIVE_INFINITY;
    const schedule = (): void => {
      if (timer !== undefined || flushing || dirty.size === 0) return;
      const wait = Math.max(COALESCE_MS, lastFlush + gapFor(cache.size) - performance.now());
      timer = setTimeout(() => void flush(), wait);
    };
    // Re-reads (and re-validates) the touched deals in slices: a sync or an import can touch thousands.
    const flush = async (): Promise<void> => {
      timer = undefined;
      flushing = true;
      const ids = [...dirty];
      dirty.clear();
      const done = await runInSlices(
        ids.length,
        (i) => {
          const entry = readDeal(doc, ids[i]!);
          if (entry) cache.set(ids[i]!, entry);
          else cache.delete(ids[i]!);
        },
        { signal: disposed.signal },
      );
      if (!done) return;
      setDeals([...cache.values()].sort(newestFirst));
      lastFlush = performance.now();
      flushing = false;
      schedule();
    };
    const deals = dealsMap(doc);
    const handleChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
      for (const event of events) {
        if (event.target === deals) for (const key of event.changes.keys.keys()) dirty.add(key);
        else if (typeof event.path[0] === 'string') dirty.add(event.path[0]);
      }
      schedule();
    };
    deals.observeDeep(handleChange);
    return () => {
      deals.unobserveDeep(handleChange);
      clearTimeout(timer);
      disposed.abort();
    };
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
