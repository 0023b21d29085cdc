/**
 * Applies a document's stored entries (DocStore.load with `validate: false, merge: false`) to a new Y.Doc in
 * one transaction, checking them as they go: the one decode both reads and validates them. A store's own
 * validation decodes everything into a scratch document and encodes it again, so a document read that way
 * is decoded twice — for a workspace's directory, on every start, before anything is on screen.
 */
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/result';
import { applyStored } from './applyStored';
import { LOCAL_LOAD_ORIGIN } from './LocalPersistence';

/** The document the entries make, or `corrupt` (with nothing written anywhere) when they cannot all be read. */
export function readStoredParts(docName: string, parts: readonly Uint8Array[]): Result<Y.Doc> {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const part of parts) applyStored(doc, part, LOCAL_LOAD_ORIGIN);
    }, LOCAL_LOAD_ORIGIN);
  } catch (error) {
    doc.destroy();
    // The decoder's own words ("Unexpected end of array") mean nothing to a user; the console keeps them.
    console.warn(`[store] ${docName} is unreadable`, error);
    return fail('corrupt', 'Its saved data on this device is damaged and cannot be read.');
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    return fail('corrupt', 'Its saved data on this device is incomplete: some saved changes are missing.');
  }
  return ok(doc);
}
