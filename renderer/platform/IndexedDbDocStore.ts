/**
 * DocStore on IndexedDB. One record per stored update, keyed by an auto-increment sequence and indexed by
 * document name, so an append is a single small put (cheap enough to do for every keystroke batch) and a
 * crash can at worst lose the batch in flight. Compaction merges a document's records inside one
 * readwrite transaction, so it is atomic and never drops an entry written by another tab meanwhile.
 */
import * as Y from 'yjs';
import { mergeInGroups } from '@shared/collab/mergeInGroups';
import { fail, ok, type Result } from '@shared/result';
import type { DocStore, LoadedDoc, LoadOptions, QuarantinedDoc } from './DocStore';
import { applyStoredEntries, STORED_DAMAGED } from './storedEntries';
import { BY_DOC_INDEX as BY_DOC, DOCS_DB, UPDATES_STORE as UPDATES, type EarlyRecords } from './earlyDocRead';

const DB_VERSION = 1;
/** How long records read before the start (earlyDocRead.ts) wait for their first load. */
const EARLY_RECORDS_KEPT_MS = 30_000;
const QUARANTINE = 'quarantine';

interface UpdateRecord {
  seq?: number;
  doc: string;
  bytes: Uint8Array;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('[store] IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('[store] IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('[store] IndexedDB transaction aborted'));
  });
}

/**
 * Opens (and on first use creates) the database. `early`: documents read before the app started
 * (earlyDocRead.ts); the first load of each takes them instead of reading again, unless it was written since.
 */
export async function openIndexedDbDocStore(
  name = DOCS_DB,
  factory: IDBFactory = indexedDB,
  early: Promise<EarlyRecords | null> = Promise.resolve(null),
): Promise<DocStore> {
  const open = factory.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    const updates = db.createObjectStore(UPDATES, { keyPath: 'seq', autoIncrement: true });
    updates.createIndex(BY_DOC, 'doc');
    db.createObjectStore(QUARANTINE, { autoIncrement: true });
  };
  const [db, records] = await Promise.all([request(open), early]);
  const unasked = new Map(records ?? []);
  // Records nobody asked for soon after the start were read on a stale hint: not kept for the app's lifetime
  // (a later load of that document reads it from the database, as it would have anyway).
  if (unasked.size > 0) setTimeout(() => unasked.clear(), EARLY_RECORDS_KEPT_MS);
  return new IndexedDbDocStore(db, unasked);
}

/** Merges raw entries, refusing anything that is not a complete, readable Yjs update. */
export function mergeStoredEntries(docName: string, entries: readonly Uint8Array[]): Result<LoadedDoc> {
  if (entries.length === 0) return ok({ update: null, entries: 0 });
  const scratch = new Y.Doc();
  try {
    const applied = applyStoredEntries(docName, scratch, entries);
    if (!applied.ok) return applied;
    // One entry that applied completely already is the whole state: re-encoding it would cost about as much as
    // decoding did (~50 ms for a 200-narrative playbook), for the same content.
    return ok({ update: entries.length === 1 ? entries[0]! : Y.encodeStateAsUpdate(scratch), entries: entries.length });
  } finally {
    scratch.destroy();
  }
}

/** Merges entries without applying them; only a structurally unreadable merge is refused here. */
function mergeUnchecked(docName: string, entries: readonly Uint8Array[]): Result<LoadedDoc> {
  if (entries.length <= 1) return ok({ update: entries[0] ?? null, entries: entries.length });
  try {
    return ok({ update: Y.mergeUpdates([...entries]), entries: entries.length });
  } catch (error) {
    console.warn(`[store] ${docName} is unreadable`, error);
    return fail('corrupt', STORED_DAMAGED);
  }
}

class IndexedDbDocStore implements DocStore {
  /** @param early entries read before the store opened, each handed out once; dropped once written to. */
  constructor(
    private readonly db: IDBDatabase,
    private readonly early: Map<string, readonly Uint8Array[]>,
  ) {}

  private async entries(docName: string): Promise<readonly Uint8Array[]> {
    const early = this.early.get(docName);
    if (early) {
      this.early.delete(docName);
      return early;
    }
    const tx = this.db.transaction(UPDATES, 'readonly');
    const records = await request(
      tx.objectStore(UPDATES).index(BY_DOC).getAll(IDBKeyRange.only(docName)) as IDBRequest<UpdateRecord[]>,
    );
    return records.map((r) => r.bytes);
  }

  async load(docName: string, options?: LoadOptions): Promise<Result<LoadedDoc>> {
    const entries = await this.entries(docName);
    if (options?.validate === false && options.merge === false)
      return ok({ update: null, entries: entries.length, parts: entries });
    if (options?.validate === false) return mergeUnchecked(docName, entries);
    return mergeStoredEntries(docName, entries);
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    this.early.delete(docName); // older than this write
    const tx = this.db.transaction(UPDATES, 'readwrite');
    tx.objectStore(UPDATES).add({ doc: docName, bytes: update } satisfies UpdateRecord);
    await done(tx);
  }

  async compact(docName: string): Promise<void> {
    this.early.delete(docName);
    const tx = this.db.transaction(UPDATES, 'readwrite');
    const store = tx.objectStore(UPDATES);
    const records = await request(store.index(BY_DOC).getAll(IDBKeyRange.only(docName)) as IDBRequest<UpdateRecord[]>);
    // Merged from the stored bytes, not from memory: entries written by another tab are kept too. In groups
    // of about a megabyte: a company's deal log (23.5 MB at 20,000 deals) merged whole was one long task; its
    // large base record stays as it is and the small ones after it are merged around it.
    const merged = records.length > 1 ? mergeInGroups(records.map((r) => r.bytes)) : [];
    if (merged.length > 0 && merged.length < records.length) {
      for (const record of records) store.delete(record.seq!);
      for (const bytes of merged) store.add({ doc: docName, bytes } satisfies UpdateRecord);
    }
    await done(tx);
  }

  async setAside(docName: string, reason: string): Promise<void> {
    this.early.delete(docName);
    const tx = this.db.transaction([UPDATES, QUARANTINE], 'readwrite');
    const updates = tx.objectStore(UPDATES);
    const records = await request(
      updates.index(BY_DOC).getAll(IDBKeyRange.only(docName)) as IDBRequest<UpdateRecord[]>,
    );
    const aside: QuarantinedDoc = { docName, reason, at: Date.now(), bytes: records.map((r) => r.bytes) };
    tx.objectStore(QUARANTINE).add(aside);
    for (const record of records) updates.delete(record.seq!);
    await done(tx);
  }

  async listDocs(prefix: string): Promise<string[]> {
    const tx = this.db.transaction(UPDATES, 'readonly');
    const names = new Set<string>();
    const cursorReq = tx.objectStore(UPDATES).index(BY_DOC).openKeyCursor(null, 'nextunique');
    await new Promise<void>((resolve, reject) => {
      cursorReq.onsuccess = () => {
        const cursor = cursorReq.result;
        if (cursor === null) return resolve();
        const name = String(cursor.key);
        if (name.startsWith(prefix)) names.add(name);
        cursor.continue();
      };
      cursorReq.onerror = () => reject(cursorReq.error ?? new Error('[store] listing documents failed'));
    });
    return [...names];
  }

  async listQuarantine(): Promise<QuarantinedDoc[]> {
    const tx = this.db.transaction(QUARANTINE, 'readonly');
    return request(tx.objectStore(QUARANTINE).getAll() as IDBRequest<QuarantinedDoc[]>);
  }
}
