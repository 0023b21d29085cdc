/**
 * Applies stored content to a document without its `update` event. Every `update` listener in the app
 * skips stored content (its origin is LOCAL_LOAD_ORIGIN: it is on the disk already, and the server learns
 * of it through the sync handshake), but with any listener at all Yjs encodes the whole content once more
 * to hand it over. Profiled on opening a 200-narrative playbook: that encoding was the largest single cost
 * after decoding itself. Listeners that must see the content arrive use `afterTransaction`, which stays.
 */
import * as Y from 'yjs';

type Listeners = Map<string, Set<unknown>>;

/** `Y.applyUpdate(doc, update, origin)`, with the `update` listeners set aside meanwhile. */
export function applyStored(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
  // lib0's Observable keeps its listeners in `_observers`; Yjs encodes the update only when it has some.
  const listeners = (doc as unknown as { _observers: Listeners })._observers;
  const held = listeners.get('update');
  listeners.delete('update');
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    const addedMeanwhile = listeners.get('update');
    if (held) {
      for (const listener of addedMeanwhile ?? []) held.add(listener);
      listeners.set('update', held);
    }
  }
}
