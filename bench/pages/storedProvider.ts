/**
 * The baselines' provider: no network; `connect` applies the given stored records (none for an empty
 * document) and reports the document synced, as LocalProvider does in the app.
 */
import type { Provider, ProviderAwareness } from '@lexical/yjs';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { measureApply } from '../../renderer/collab/measureApply';

/** A provider that applies `records` to `doc` on connect. */
export function storedProvider(doc: Y.Doc, records: readonly Uint8Array[] = []): Provider {
  const listeners = new Map<string, Set<(arg: unknown) => void>>();
  const emit = (type: string, arg: unknown): void => listeners.get(type)?.forEach((cb) => cb(arg));
  return {
    awareness: new Awareness(doc) as unknown as ProviderAwareness,
    connect() {
      // The same phase measures as the app's LocalProvider and editor (duet:open:*), by the same code.
      measureApply(doc, performance.now());
      if (records.length > 0) Y.transact(doc, () => records.forEach((bytes) => Y.applyUpdate(doc, bytes)));
      emit('status', { status: 'connected' });
      emit('sync', true);
    },
    disconnect() {},
    on(type: string, cb: (arg: unknown) => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(cb);
    },
    off(type: string, cb: (arg: unknown) => void) {
      listeners.get(type)?.delete(cb);
    },
  } as Provider;
}
