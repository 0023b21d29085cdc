/**
 * Y.applyUpdate without Yjs encoding the change again for the doc's 'update' listeners. Yjs re-encodes every
 * transaction into update bytes whenever anyone listens to 'update' (the sync link, the local store, the
 * search worker's feed all do), whatever the origin: for a joining device's 20,000-deal log that is a second
 * pass as costly as the decode — about 195 of a 20,000-deal join's 660 busy main-thread milliseconds in a
 * trace (TextEncoder and lib0's writers). For a whole update received or read from the store, the bytes
 * are already at hand: the listeners are handed those instead, once the update is applied.
 *
 * What a listener gets may hold more than what changed (parts the doc already had, structs Yjs keeps pending
 * until their dependencies arrive): applying it again anywhere gives the same document, which is all the
 * listeners do with it (store it, forward it, or only note that something changed). It is called even when
 * nothing changed (Yjs would not: a piece it holds as pending still has to be stored), except for an empty
 * update.
 *
 * This reads lib0 Observable's `_observers`, the map Yjs itself consults before encoding (Yjs 13, pinned to one
 * copy), and shadows the doc's `off` while the update applies. Should that field ever be missing, it falls
 * back on a plain Y.applyUpdate.
 */
import * as Y from 'yjs';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction | null) => void;

interface WithObservers {
  _observers?: Map<string, Set<UpdateListener>>;
}

/** Applies `update` to `doc` with `origin`; the 'update' listeners then get `update` itself. */
export function applyUpdateQuietly(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  const observers = (doc as unknown as WithObservers)._observers;
  const listeners = observers instanceof Map ? observers.get('update') : undefined;
  if (!(observers instanceof Map) || listeners === undefined || listeners.size === 0) {
    Y.applyUpdate(doc, update, origin);
    return;
  }
  // Observers may write while the update is applied (a normalisation, a migration): Yjs cleans those
  // transactions up after this one, each with its own 'update'. The listeners are back before the first of
  // them ends, so Yjs encodes and hands them over as usual; only this update's own encoding is skipped.
  let applying: Y.Transaction | null = null;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    const added = observers.get('update'); // listeners added meanwhile join the ones set aside
    if (added !== undefined) for (const listener of added) listeners.add(listener);
    observers.set('update', listeners);
  };
  const before = (transaction: Y.Transaction): void => void (applying ??= transaction);
  const after = (transaction: Y.Transaction): void => {
    if (transaction !== applying) restore();
  };
  // A listener leaving meanwhile (an observer disposing something) leaves the set aside too, not only the map.
  const off = doc.off;
  const leave: typeof doc.off = (name, listener) => {
    if (name === 'update' && !restored) listeners.delete(listener as UpdateListener);
    off.call(doc, name, listener);
  };
  doc.off = leave;
  doc.on('beforeTransaction', before);
  doc.on('afterTransaction', after);
  observers.delete('update');
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    restore();
    if (doc.off === leave) delete (doc as { off?: unknown }).off; // the prototype's again
    doc.off('beforeTransaction', before);
    doc.off('afterTransaction', after);
  }
  // An empty update (a reconnect's "nothing new": no structs, no deletions) is nothing to store or forward.
  if (update.length === 2 && update[0] === 0 && update[1] === 0) return;
  for (const listener of [...listeners]) if (listeners.has(listener)) listener(update, origin, doc, null);
}
