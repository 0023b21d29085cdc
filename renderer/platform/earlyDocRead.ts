/**
 * Reads the documents a returning user's first screen shows — the workspace's directory and the playbook open
 * last — from IndexedDB the moment the page starts, while the app's own code is still downloading and
 * parsing. IndexedDB does its reading off the main thread, so by the time the app has booted the records are
 * in memory and the workspace and its playbook open at once, together, in the first render of the window.
 *
 * Which documents those are is remembered in localStorage (`rememberFirstDocs`), the only storage a page can
 * read synchronously before any code of the app has run. The names are a hint: a stale one costs one read of
 * a document nobody asks for, and the app reads what it needs as usual. This module is part of the small
 * early entry (renderer/app/earlyPreload.ts), so it imports next to nothing; IndexedDbDocStore takes its
 * layout of the database from here, so the two can never disagree.
 */

import { measurePhase } from './measurePhase';

/** The database and its layout (one record per stored update, indexed by document name). */
export const DOCS_DB = 'duet-docs';
export const UPDATES_STORE = 'updates';
export const BY_DOC_INDEX = 'byDoc';

const KEY = 'duet.firstDocs';
/** A document name is short (`{workspace}/{kind}/{id}`); anything longer in the key is not ours. */
const MAX_HINT_LENGTH = 1_000;

/** The stored entries of each document read early, oldest first, as IndexedDbDocStore would read them. */
export type EarlyRecords = ReadonlyMap<string, readonly Uint8Array[]>;

/** Remembers which documents the next start's first screen will show (written only when they change). */
export function rememberFirstDocs(docNames: readonly string[]): void {
  const value = JSON.stringify(docNames);
  if (localStorage.getItem(KEY) === value) return;
  try {
    localStorage.setItem(KEY, value);
  } catch (error) {
    console.warn('[store] could not remember the documents to read early', error);
  }
}

/** Forgets the hint (a start that shows no workspace). */
export function forgetFirstDocs(): void {
  localStorage.removeItem(KEY);
}

function rememberedDocs(): string[] {
  const raw = localStorage.getItem(KEY);
  if (raw === null || raw.length > MAX_HINT_LENGTH) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return []; // not JSON: not written by rememberFirstDocs, so there is nothing to read early
  }
}

/**
 * Starts reading the remembered documents; resolves with their records, or null when there is nothing to
 * read or the read could not be done (then the app reads them itself, as it would without this).
 */
export function startEarlyRead(factory: IDBFactory = indexedDB): Promise<EarlyRecords | null> {
  const names = rememberedDocs();
  if (names.length === 0) return Promise.resolve(null);
  const started = performance.now();
  return new Promise<EarlyRecords | null>((resolve) => {
    const gaveUp = (why: unknown): void => {
      console.warn('[store] the early read failed; the documents are read as usual', why);
      resolve(null);
    };
    // No version: an existing database opens as it is. A missing one would be created empty, so that
    // upgrade is aborted — creating the database is IndexedDbDocStore's, with its schema.
    const open = factory.open(DOCS_DB);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => {
      if (open.error?.name === 'AbortError') resolve(null);
      else gaveUp(open.error);
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close(); // never stand in the way of the store's own upgrade
      if (!db.objectStoreNames.contains(UPDATES_STORE)) {
        db.close();
        resolve(null);
        return;
      }
      const tx = db.transaction(UPDATES_STORE, 'readonly');
      const index = tx.objectStore(UPDATES_STORE).index(BY_DOC_INDEX);
      const records = new Map<string, Uint8Array[]>();
      for (const name of names) {
        const get = index.getAll(IDBKeyRange.only(name));
        get.onsuccess = () =>
          records.set(
            name,
            (get.result as { bytes: Uint8Array }[]).map((r) => r.bytes),
          );
      }
      tx.oncomplete = () => {
        db.close();
        measurePhase('open:read-store', started);
        resolve(records);
      };
      // A failed request aborts the transaction (its error event bubbles up first): one report, here.
      tx.onabort = () => {
        db.close();
        gaveUp(tx.error);
      };
    };
  });
}
