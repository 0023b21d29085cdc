/**
 * Loads a playbook's notes document (deal log, anchored notes) from the device into a session. A company's
 * deal log is tens of megabytes: its stored entries are applied a slice per task (applyInSlices), never
 * merged or validated by the store in one go, and the session's own check then says whether anything is
 * missing. Unreadable or incomplete data fails with `corrupt` and nothing is written.
 */
import * as Y from 'yjs';
import { notesDocName } from '@shared/collab/docNames';
import { fail, ok, type Result } from '@shared/result';
import { LOCAL_LOAD_ORIGIN } from '../../collab/LocalPersistence';
import type { LinkFactory } from '../../collab/DocSession';
import { applyInSlices } from '@shared/collab/applyInSlices';
import type { DocStore } from '../../platform/DocStore';
import { measurePhase } from '../../platform/measurePhase';
import { nextTask } from '../../platform/nextTask';
import { STORED_DAMAGED, STORED_INCOMPLETE } from '../../platform/storedEntries';
import { NotesSession } from '../notes/NotesSession';

/**
 * Reads `{workspaceId}/notes/{playbookId}` from `store`; linked to the server when `createLink` is given (it
 * must connect at once: no editor binding waits for the stored content, which is in the document already).
 */
export async function loadNotesSession(
  store: DocStore,
  workspaceId: string,
  playbookId: string,
  createLink: LinkFactory | null,
): Promise<Result<NotesSession>> {
  const docName = notesDocName(workspaceId, playbookId);
  let mark = performance.now();
  const loaded = await store.load(docName, { validate: false, merge: false });
  if (!loaded.ok) return loaded;
  mark = measurePhase('notes:read-store', mark);
  const doc = new Y.Doc();
  try {
    await applyInSlices(doc, loaded.value.parts ?? [], LOCAL_LOAD_ORIGIN, nextTask);
  } catch (error) {
    doc.destroy();
    console.warn(`[store] ${docName} is unreadable`, error); // the decoder's words, for whoever debugs it
    return fail('corrupt', STORED_DAMAGED);
  }
  measurePhase('notes:decode', mark);
  const stored = { update: null, entries: loaded.value.entries };
  const session = new NotesSession(docName, playbookId, store, stored, createLink, doc);
  if (!session.storedContentComplete) {
    await session.close();
    return fail('corrupt', STORED_INCOMPLETE);
  }
  return ok(session);
}
