import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openIndexedDbDocStore } from '../../../../renderer/platform/IndexedDbDocStore';
import {
  DOCS_DB,
  forgetFirstDocs,
  rememberFirstDocs,
  startEarlyRead,
} from '../../../../renderer/platform/earlyDocRead';

/** The page's localStorage, as the browser keeps it: strings by key. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function textOf(store: Awaited<ReturnType<typeof openIndexedDbDocStore>>, name: string): Promise<string> {
  const loaded = await store.load(name);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = new Y.Doc();
  if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
  return doc.getText('t').toString();
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('reading the first screen’s documents before the app starts', () => {
  it('reads the remembered documents as the store would, and the store hands them to its first loads', async () => {
    const factory = new IDBFactory();
    const before = await openIndexedDbDocStore(DOCS_DB, factory);
    await before.append('w/directory', textUpdate('the list'));
    await before.append('w/playbook/p', textUpdate('Hello'));
    await before.append('w/playbook/p', textUpdate(' again'));
    rememberFirstDocs(['w/directory', 'w/playbook/p']);

    const early = await startEarlyRead(factory);
    expect(early?.get('w/playbook/p')).toHaveLength(2);
    expect(early?.get('w/directory')).toHaveLength(1);

    // A store given the early records answers from them: the read below would see a record added behind
    // its back only if it went to the database (nothing in the app writes that way; this shows the source).
    const store = await openIndexedDbDocStore(DOCS_DB, factory, Promise.resolve(early));
    await before.append('w/directory', textUpdate('!'));
    const directory = await store.load('w/directory', { validate: false, merge: false });
    expect(directory.ok && directory.value.entries).toBe(1);
    // Handed out once: the next load reads the database.
    const again = await store.load('w/directory', { validate: false, merge: false });
    expect(again.ok && again.value.entries).toBe(2);
  });

  it('never hands out records older than a write the store made since', async () => {
    const factory = new IDBFactory();
    const before = await openIndexedDbDocStore(DOCS_DB, factory);
    await before.append('w/playbook/p', textUpdate('Draft'));
    rememberFirstDocs(['w/playbook/p']);
    const store = await openIndexedDbDocStore(DOCS_DB, factory, startEarlyRead(factory));
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Typed before the load');
    await store.append('w/playbook/p', Y.encodeStateAsUpdate(doc));
    expect(await textOf(store, 'w/playbook/p')).toContain('Typed before the load');
  });

  it('creates no database for a new user, so the store still creates it with its schema', async () => {
    const factory = new IDBFactory();
    rememberFirstDocs(['w/directory']);
    expect(await startEarlyRead(factory)).toBeNull();
    expect(await factory.databases()).toEqual([]);
    const store = await openIndexedDbDocStore(DOCS_DB, factory);
    await store.append('w/directory', textUpdate('first'));
    expect(await textOf(store, 'w/directory')).toBe('first');
  });

  it('reads nothing without a hint, or with one it did not write', async () => {
    const factory = new IDBFactory();
    await (await openIndexedDbDocStore(DOCS_DB, factory)).append('w/directory', textUpdate('x'));
    expect(await startEarlyRead(factory)).toBeNull();
    localStorage.setItem('duet.firstDocs', '{not json');
    expect(await startEarlyRead(factory)).toBeNull();
    localStorage.setItem('duet.firstDocs', JSON.stringify({ not: 'a list' }));
    expect(await startEarlyRead(factory)).toBeNull();
    rememberFirstDocs(['w/directory']);
    forgetFirstDocs();
    expect(await startEarlyRead(factory)).toBeNull();
  });

  it('reads a remembered document that no longer exists as empty, which the load then reports as new', async () => {
    const factory = new IDBFactory();
    await (await openIndexedDbDocStore(DOCS_DB, factory)).append('w/directory', textUpdate('x'));
    rememberFirstDocs(['w/playbook/deleted']);
    const early = await startEarlyRead(factory);
    expect(early?.get('w/playbook/deleted')).toEqual([]);
    const store = await openIndexedDbDocStore(DOCS_DB, factory, Promise.resolve(early));
    const loaded = await store.load('w/playbook/deleted');
    expect(loaded.ok && loaded.value).toEqual({ update: null, entries: 0 });
  });

  it('drops records nobody asked for soon after the start (a stale hint), and reads the database then', async () => {
    const factory = new IDBFactory();
    const before = await openIndexedDbDocStore(DOCS_DB, factory);
    await before.append('w/playbook/other', textUpdate('old'));
    rememberFirstDocs(['w/playbook/other']);
    const early = await startEarlyRead(factory);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = await openIndexedDbDocStore(DOCS_DB, factory, Promise.resolve(early));
      await before.append('w/playbook/other', textUpdate(' and new'));
      vi.advanceTimersByTime(60_000);
      vi.useRealTimers();
      const loaded = await store.load('w/playbook/other', { validate: false, merge: false });
      expect(loaded.ok && loaded.value.entries).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
