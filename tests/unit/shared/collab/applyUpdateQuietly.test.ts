/**
 * A whole update received or read from the store is applied without Yjs encoding it again for the doc's
 * 'update' listeners (a second pass as costly as the decode for a joining device's deal log): they get the
 * applied bytes themselves. Nothing may be lost on the way: whatever the listeners receive rebuilds the
 * document, including what observers write while the update is applied.
 */
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { applyUpdateQuietly } from '../../../../shared/collab/applyUpdateQuietly';
import { importDeals, readDeals } from '../../../../shared/collab/notes';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';

function dealLog(count: number): Uint8Array {
  const source = new Y.Doc();
  importDeals(source, companyDeals(count, companyNarrativeIds()), { author: 'Ana', now: 1 });
  return Y.encodeStateAsUpdate(source);
}

describe('applyUpdateQuietly', () => {
  it('hands the listeners the applied bytes themselves, with the origin, and they rebuild the document', () => {
    const update = dealLog(300);
    const doc = new Y.Doc();
    const received: { update: Uint8Array; origin: unknown }[] = [];
    doc.on('update', (bytes: Uint8Array, origin: unknown) => received.push({ update: bytes, origin }));
    applyUpdateQuietly(doc, update, 'server');
    expect(received).toHaveLength(1);
    expect(received[0]!.update).toBe(update); // the very bytes: Yjs did not encode them again
    expect(received[0]!.origin).toBe('server');
    const copy = new Y.Doc();
    for (const r of received) Y.applyUpdate(copy, r.update);
    expect(readDeals(copy)).toEqual(readDeals(doc));
    expect(readDeals(doc)).toHaveLength(300);
  });

  it('loses nothing an observer writes while the update applies: that change reaches the listeners as usual', () => {
    const update = dealLog(50);
    const doc = new Y.Doc();
    const received: { update: Uint8Array; origin: unknown }[] = [];
    doc.on('update', (bytes: Uint8Array, origin: unknown) => received.push({ update: bytes, origin }));
    // A normalisation reacting to what arrived, in the same call (Yjs runs observers synchronously).
    doc.getMap('dealEntries').observe((event) => {
      if (event.transaction.origin === 'server') doc.transact(() => doc.getMap('seen').set('count', 1), 'local');
    });
    applyUpdateQuietly(doc, update, 'server');
    expect(received.map((r) => r.origin).sort()).toEqual(['local', 'server']);
    const copy = new Y.Doc();
    for (const r of received) Y.applyUpdate(copy, r.update);
    expect(copy.getMap('seen').get('count')).toBe(1);
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
    // Later changes are encoded and handed over as always.
    doc.getMap('seen').set('count', 2);
    expect(received.at(-1)!.origin).toBeNull();
  });

  it('keeps a listener added while the update applies, and calls none that left meanwhile', () => {
    const doc = new Y.Doc();
    const late = vi.fn();
    const leaving = vi.fn();
    doc.on('update', leaving);
    doc.getMap('dealEntries').observe(() => {
      doc.on('update', late);
      doc.off('update', leaving);
    });
    applyUpdateQuietly(doc, dealLog(5), 'server');
    expect(leaving).not.toHaveBeenCalled();
    doc.getMap('x').set('k', 1);
    expect(late).toHaveBeenCalled();
  });

  it('hands over no empty update (a reconnect with nothing new)', () => {
    const doc = new Y.Doc();
    const listener = vi.fn();
    doc.on('update', listener);
    applyUpdateQuietly(doc, Y.encodeStateAsUpdate(new Y.Doc()), 'server');
    expect(listener).not.toHaveBeenCalled();
  });

  it('applies plainly when nobody listens', () => {
    const doc = new Y.Doc();
    applyUpdateQuietly(doc, dealLog(5), 'server');
    expect(readDeals(doc)).toHaveLength(5);
  });
});
