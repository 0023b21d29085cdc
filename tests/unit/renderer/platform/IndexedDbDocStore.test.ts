import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openIndexedDbDocStore } from '../../../../renderer/platform/IndexedDbDocStore';
import type { DocStore } from '../../../../renderer/platform/DocStore';

/** Every update a document emits while `edit` runs, in order. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const out: Uint8Array[] = [];
  const handler = (u: Uint8Array): void => void out.push(u);
  doc.on('update', handler);
  edit();
  doc.off('update', handler);
  return out;
}

async function loadText(store: DocStore, name: string): Promise<string> {
  const loaded = await store.load(name);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = new Y.Doc();
  if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
  return doc.getText('t').toString();
}

const GARBAGE = new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x42]);

describe('documents stored in IndexedDB', () => {
  it('hands out the stored records as they are, oldest first, for a caller that applies them in slices', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => {
      doc.getText('t').insert(0, 'Hello');
      doc.getText('t').insert(5, ', world');
    });
    for (const u of updates) await store.append('acme/notes/p1', u);
    await store.append('acme/notes/other', GARBAGE);
    const loaded = await store.load('acme/notes/p1', { validate: false, merge: false });
    expect(loaded.ok && loaded.value).toEqual({ update: null, entries: 2, parts: updates });
    const again = new Y.Doc();
    if (loaded.ok) for (const part of loaded.value.parts ?? []) Y.applyUpdate(again, part);
    expect(again.getText('t').toString()).toBe('Hello, world');
  });

  it('a document saved in several steps loads as one, with every step in it', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => {
      doc.getText('t').insert(0, 'Hello');
      doc.getText('t').insert(5, ', world');
      doc.getText('t').delete(0, 1);
    });
    for (const u of updates) await store.append('acme/playbook/p1', u);
    const loaded = await store.load('acme/playbook/p1');
    expect(loaded.ok && loaded.value.entries).toBe(3);
    expect(await loadText(store, 'acme/playbook/p1')).toBe('ello, world');
  });

  it('a document never saved loads as empty, not as an error', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    expect(await store.load('acme/playbook/none')).toEqual({ ok: true, value: { update: null, entries: 0 } });
  });

  it('unreadable stored data is reported as corrupt in plain words, and is left exactly as it was', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const [good] = updatesOf(doc, () => doc.getText('t').insert(0, 'kept'));
    await store.append('acme/playbook/p1', good!);
    await store.append('acme/playbook/p1', GARBAGE);
    for (let attempt = 0; attempt < 2; attempt++) {
      const loaded = await store.load('acme/playbook/p1');
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) {
        expect(loaded.error.code).toBe('corrupt');
        // The screen names the playbook by its title; the message itself is for people, not decoder internals.
        expect(loaded.error.message).toMatch(/damaged|incomplete/);
        expect(loaded.error.message).not.toMatch(/Unexpected|array|undefined/);
      }
    }
    expect(await store.listQuarantine()).toEqual([]);
    expect(await store.listDocs('acme/')).toEqual(['acme/playbook/p1']);
    await store.setAside('acme/playbook/p1', 'could not be read');
    const [aside] = await store.listQuarantine();
    expect(aside?.bytes).toEqual([good, GARBAGE]);
  });

  it('stored data with missing earlier changes is reported as incomplete', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const [, second] = updatesOf(doc, () => {
      doc.getText('t').insert(0, 'first');
      doc.getText('t').insert(0, 'second ');
    });
    await store.append('acme/playbook/p1', second!);
    const loaded = await store.load('acme/playbook/p1');
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/incomplete/) });
  });

  it('setting a document aside moves its bytes to quarantine, byte for byte, and lets it start over', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    await store.append('acme/playbook/bad', GARBAGE);
    await store.append('acme/playbook/bad', new Uint8Array([1, 2, 3]));
    const doc = new Y.Doc();
    for (const u of updatesOf(doc, () => doc.getText('t').insert(0, 'other')))
      await store.append('acme/playbook/ok', u);
    const before = Date.now();
    await store.setAside('acme/playbook/bad', 'Unreadable after a crash');
    expect(await store.load('acme/playbook/bad')).toEqual({ ok: true, value: { update: null, entries: 0 } });
    const quarantine = await store.listQuarantine();
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]).toMatchObject({ docName: 'acme/playbook/bad', reason: 'Unreadable after a crash' });
    expect(quarantine[0]!.bytes).toEqual([GARBAGE, new Uint8Array([1, 2, 3])]);
    expect(quarantine[0]!.at).toBeGreaterThanOrEqual(before);
    expect(await loadText(store, 'acme/playbook/ok')).toBe('other');
    expect(await store.listDocs('acme/')).toEqual(['acme/playbook/ok']);
  });

  it('compaction leaves one entry with the same content', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => {
      for (let i = 0; i < 20; i++) doc.getText('t').insert(i, String.fromCharCode(97 + i));
    });
    for (const u of updates) await store.append('acme/playbook/p1', u);
    await store.compact('acme/playbook/p1');
    const loaded = await store.load('acme/playbook/p1');
    expect(loaded.ok && loaded.value.entries).toBe(1);
    expect(await loadText(store, 'acme/playbook/p1')).toBe(doc.getText('t').toString());
  });

  it('compaction of a large log keeps its large entry as it is and merges the small ones after it', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const [large] = updatesOf(doc, () => doc.getText('t').insert(0, 'x'.repeat(1_500_000)));
    const small = updatesOf(doc, () => {
      for (let i = 0; i < 30; i++) doc.getText('t').insert(0, String.fromCharCode(97 + i));
    });
    for (const u of [large!, ...small]) await store.append('acme/notes/p1', u);
    await store.compact('acme/notes/p1');
    const loaded = await store.load('acme/notes/p1', { validate: false, merge: false });
    expect(loaded.ok && loaded.value.entries).toBe(2);
    expect(loaded.ok && loaded.value.parts?.[0]).toEqual(large);
    expect(await loadText(store, 'acme/notes/p1')).toBe(doc.getText('t').toString());
  });

  it('compaction in one tab keeps what another tab wrote, before and while it runs', async () => {
    const factory = new IDBFactory();
    const tabA = await openIndexedDbDocStore('shared', factory);
    const tabB = await openIndexedDbDocStore('shared', factory);
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const u of updatesOf(a, () => a.getText('t').insert(0, 'A1 '))) await tabA.append('acme/playbook/p1', u);
    for (const u of updatesOf(b, () => b.getText('t').insert(0, 'B1 '))) await tabB.append('acme/playbook/p1', u);
    const [lateB] = updatesOf(b, () => b.getText('t').insert(0, 'B2 '));
    await Promise.all([tabA.compact('acme/playbook/p1'), tabB.append('acme/playbook/p1', lateB!)]);
    const text = await loadText(tabA, 'acme/playbook/p1');
    for (const part of ['A1', 'B1', 'B2']) expect(text).toContain(part);
    expect(await loadText(tabB, 'acme/playbook/p1')).toBe(text);
  });

  it('lists the documents of one workspace only', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    for (const name of [
      'acme/directory',
      'acme/playbook/p1',
      'acme/playbook/p1',
      'acme2/directory',
      'globex/directory',
    ]) {
      await store.append(name, update);
    }
    expect((await store.listDocs('acme/')).sort()).toEqual(['acme/directory', 'acme/playbook/p1']);
    expect(await store.listDocs('nobody/')).toEqual([]);
    expect((await store.listDocs('')).length).toBe(4);
  });
});
