/**
 * Where the search index is kept between runs: its own IndexedDB database (`duet-search`), one record per
 * workspace holding the serialized index, its format version and the state vector of every document it
 * was built from — so a start loads it instead of rebuilding, and re-reads only documents that changed.
 */
import type { StoredEngine } from '@shared/search/SearchEngine';

const DB_NAME = 'duet-search';
const STORE = 'indexes';

/** One workspace's stored index. */
export interface StoredIndex {
  workspaceId: string;
  format: number;
  /** `SearchEngine.toStored()`: stored as a structured clone, not JSON (see `StoredEngine`). */
  index: StoredEngine;
  /** Document name → its Yjs state vector when it was indexed. */
  vectors: Record<string, Uint8Array>;
  savedAt: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('[search] IndexedDB request failed'));
  });
}

/** The stored indexes of this device. */
export interface IndexStore {
  read(workspaceId: string): Promise<StoredIndex | null>;
  write(record: StoredIndex): Promise<void>;
}

/** Opens (creating on first use) the index database. */
export async function openIndexStore(factory: IDBFactory = indexedDB): Promise<IndexStore> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'workspaceId' });
  const db = await request(open);
  return {
    read: async (workspaceId) =>
      (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(workspaceId))) ?? null,
    write: async (record) => {
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(record));
    },
  };
}
