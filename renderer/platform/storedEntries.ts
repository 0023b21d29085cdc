/**
 * Reading a document's stored entries into a Y.Doc, checked as they are applied — the one place that decides
 * whether stored bytes are damaged (the decoder refuses them) or incomplete (an entry some other entry
 * depends on is missing), and what a person is told then. Used by the store's validated load
 * (IndexedDbDocStore.mergeStoredEntries) and by callers that decode a document once and check it as they go.
 */
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/result';

/** What a person is told about a document whose stored bytes cannot be decoded. */
export const STORED_DAMAGED = 'Its saved data on this device is damaged and cannot be read.';
/** What a person is told about a document whose stored entries do not all apply. */
export const STORED_INCOMPLETE = 'Its saved data on this device is incomplete: some saved changes are missing.';

/**
 * Applies `entries` to `doc` in one transaction (with `origin`), then checks that nothing is left pending.
 * `corrupt` when they cannot all be read; the caller discards the document then (nothing is written).
 */
export function applyStoredEntries(
  docName: string,
  doc: Y.Doc,
  entries: readonly Uint8Array[],
  origin: unknown = null,
): Result<void> {
  try {
    doc.transact(() => {
      for (const bytes of entries) Y.applyUpdate(doc, bytes, origin);
    }, origin);
  } catch (error) {
    // The decoder's own words ("Unexpected end of array") mean nothing to a user; the console keeps them.
    console.warn(`[store] ${docName} is unreadable`, error);
    return fail('corrupt', STORED_DAMAGED);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return fail('corrupt', STORED_INCOMPLETE);
  return ok(undefined);
}
