import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  LOCAL_LOAD_ORIGIN,
  LocalPersistence,
  type PersistenceState,
} from '../../../../renderer/collab/LocalPersistence';
import { openIndexedDbDocStore } from '../../../../renderer/platform/IndexedDbDocStore';
import type { DocStore } from '../../../../renderer/platform/DocStore';
import { ok } from '../../../../shared/result';

const NAME = 'acme/playbook/p1';

/** A store that keeps appends in memory; `failNext` makes the next appends reject, like a full disk. */
function memoryStore(): DocStore & { appends: Uint8Array[]; compactions: number; failNext: number } {
  const store = {
    appends: [] as Uint8Array[],
    compactions: 0,
    failNext: 0,
    async load() {
      return ok({ update: store.appends.length ? Y.mergeUpdates(store.appends) : null, entries: store.appends.length });
    },
    async append(_name: string, update: Uint8Array) {
      if (store.failNext > 0) {
        store.failNext--;
        throw new Error('QuotaExceededError: the disk is full');
      }
      store.appends.push(update);
    },
    async compact() {
      store.compactions++;
      store.appends = [Y.mergeUpdates(store.appends)];
    },
    async setAside() {},
    async listDocs() {
      return [];
    },
    async listQuarantine() {
      return [];
    },
  };
  return store;
}

/** The document as a reader of the store would rebuild it. */
function rebuilt(appends: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of appends) Y.applyUpdate(doc, u);
  return doc;
}

const sameContent = (a: Y.Doc, b: Y.Doc): void => {
  expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
};

afterEach(() => vi.restoreAllMocks());

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('saving a document as it is edited', () => {
  it('every edit is in the store once flushed', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc);
    for (let i = 0; i < 50; i++) doc.getText('t').insert(i, String(i % 10));
    doc.getText('t').delete(3, 10);
    await persistence.flush();
    sameContent(doc, rebuilt(store.appends));
    expect(persistence.getState()).toBe('saved');
  });

  it('an edit reaches the store within a second without anyone asking', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    new LocalPersistence(store, NAME, doc);
    const started = Date.now();
    doc.getText('t').insert(0, 'typed');
    while (store.appends.length === 0 && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 5));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(rebuilt(store.appends).getText('t').toString()).toBe('typed');
  });

  it('a burst of keystrokes is written as one entry', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc);
    for (const ch of 'burst') doc.getText('t').insert(doc.getText('t').length, ch);
    await persistence.flush();
    expect(store.appends).toHaveLength(1);
  });

  it('content read from the store is not written back', async () => {
    const store = memoryStore();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'already stored');
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc);
    const states: PersistenceState[] = [];
    persistence.onStateChange((s) => states.push(s));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), LOCAL_LOAD_ORIGIN);
    await persistence.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.appends).toEqual([]);
    expect(states).toEqual([]);
    doc.getText('t').insert(0, 'new: ');
    await persistence.flush();
    expect(store.appends).toHaveLength(1);
  });

  it('after 200 saves and a pause the log is compacted and the document reads back identical', async () => {
    const store = await openIndexedDbDocStore('db', new IDBFactory());
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc, 0, { compactQuietMs: 0 });
    for (let i = 0; i < 205; i++) {
      doc.getText('t').insert(doc.getText('t').length, `${i} `);
      if (i % 7 === 0) doc.getText('t').delete(0, 1);
      await persistence.flush();
    }
    await pause(10);
    await persistence.flush();
    const loaded = await store.load(NAME);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.entries).toBeLessThan(10);
    sameContent(doc, rebuilt([loaded.value.update!]));
  });

  it('counts entries already stored, so a long-lived document is compacted on time', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc, 199, { compactQuietMs: 0 });
    doc.getText('t').insert(0, 'x');
    await persistence.flush();
    await pause(10);
    await persistence.flush();
    expect(store.compactions).toBe(1);
  });

  it('never compacts while someone types: it waits for a quiet moment', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc, 0, { compactQuietMs: 300 });
    for (let i = 0; i < 260; i++) {
      doc.getText('t').insert(0, 'k'); // a key every ~5 ms, far inside the quiet period
      await persistence.flush();
      if (i % 20 === 0) await pause(5);
    }
    expect(store.compactions).toBe(0);
    expect(store.appends).toHaveLength(260);
    await pause(600);
    await persistence.flush();
    expect(store.compactions).toBe(1);
    expect(store.appends).toHaveLength(1);
    sameContent(doc, rebuilt(store.appends));
  });

  it('a failed compaction is reported and the edits keep being saved', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryStore();
    store.compact = async () => {
      throw new Error('AbortError: the transaction was aborted');
    };
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc, 199, { compactQuietMs: 0 });
    doc.getText('t').insert(0, 'a');
    await persistence.flush();
    await pause(10);
    doc.getText('t').insert(1, 'b');
    await persistence.flush();
    expect(errors).toHaveBeenCalledWith(`[store] could not compact ${NAME}`, expect.any(Error));
    expect(persistence.getState()).toBe('saved');
    sameContent(doc, rebuilt(store.appends));
  });
});

describe('when the store fails', () => {
  it('reports the error, keeps the edits, and saves them all on the next attempt', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc);
    const seen: [PersistenceState, string | undefined][] = [];
    persistence.onStateChange((state, error) => seen.push([state, error?.message]));
    store.failNext = 2;
    doc.getText('t').insert(0, 'first ');
    await persistence.flush();
    expect(persistence.getState()).toBe('error');
    expect(seen).toContainEqual(['error', 'QuotaExceededError: the disk is full']);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('[store]'), expect.any(Error));

    await persistence.flush(); // an explicit retry that fails again loses nothing either
    expect(persistence.getState()).toBe('error');
    doc.getText('t').insert(6, 'second');
    await persistence.flush();
    expect(persistence.getState()).toBe('saved');
    sameContent(doc, rebuilt(store.appends));
    expect(rebuilt(store.appends).getText('t').toString()).toBe('first second');
  });

  it('retries on its own with backoff, so a failed save completes even if nobody types again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      const doc = new Y.Doc();
      const persistence = new LocalPersistence(store, NAME, doc);
      store.failNext = 2;
      doc.getText('t').insert(0, 'unsaved');
      await vi.advanceTimersByTimeAsync(0); // the batched write fails
      expect(persistence.getState()).toBe('error');
      await vi.advanceTimersByTimeAsync(1000); // first retry fails too
      expect(persistence.getState()).toBe('error');
      await vi.advanceTimersByTimeAsync(1999);
      expect(persistence.getState()).toBe('error'); // backoff: the second retry waits 2 s
      await vi.advanceTimersByTimeAsync(1);
      expect(persistence.getState()).toBe('saved');
      expect(rebuilt(store.appends).getText('t').toString()).toBe('unsaved');
    } finally {
      vi.useRealTimers();
    }
  });

  it('closing the document writes what is pending and then stops listening', async () => {
    const store = memoryStore();
    const doc = new Y.Doc();
    const persistence = new LocalPersistence(store, NAME, doc);
    doc.getText('t').insert(0, 'last words');
    await persistence.dispose();
    expect(rebuilt(store.appends).getText('t').toString()).toBe('last words');
    const count = store.appends.length;
    doc.getText('t').insert(0, 'after close ');
    await new Promise((r) => setTimeout(r, 20));
    expect(store.appends).toHaveLength(count);
  });
});
