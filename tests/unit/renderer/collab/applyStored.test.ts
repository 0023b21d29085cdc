import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyStored } from '../../../../renderer/collab/applyStored';
import { LOCAL_LOAD_ORIGIN } from '../../../../renderer/collab/LocalPersistence';

function storedText(text: string): Uint8Array {
  const source = new Y.Doc();
  source.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(source);
}

describe('applying stored content', () => {
  it('puts the content in without an update event, and later edits reach the update listeners again', () => {
    const doc = new Y.Doc();
    const updates: unknown[] = [];
    const transactions: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    doc.on('afterTransaction', (t: Y.Transaction) => transactions.push(t.origin));

    applyStored(doc, storedText('Stored words'), LOCAL_LOAD_ORIGIN);
    expect(doc.getText('t').toString()).toBe('Stored words');
    expect(updates).toEqual([]);
    expect(transactions).toEqual([LOCAL_LOAD_ORIGIN]);

    doc.getText('t').insert(0, 'New: ');
    expect(updates).toEqual([null]);
  });

  it('a listener added while the content goes in is kept', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    doc.on('update', () => seen.push('first'));
    const addOnce = (): void => {
      doc.getText('t').unobserve(addOnce);
      doc.on('update', () => seen.push('added meanwhile'));
    };
    doc.getText('t').observe(addOnce);
    applyStored(doc, storedText('x'), LOCAL_LOAD_ORIGIN);
    seen.length = 0;
    doc.getText('t').insert(0, 'y');
    expect(seen).toEqual(['first', 'added meanwhile']);
  });
});
