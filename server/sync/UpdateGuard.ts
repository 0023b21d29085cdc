/**
 * The hook through which content rules reach the sync path: called with every writer's update before it
 * is applied or stored. The role check (who may write a document kind at all) runs first, on the session;
 * a guard decides about what an update touches inside a document.
 */
import type * as Y from 'yjs';
import { parseDocName } from '@shared/collab/docNames';
import { ok, type Result } from '@shared/result';
import { guardNotesUpdate, type NotesWriter } from './guardNotesUpdate';

/** Accepts (ok) or refuses an update to `docName`, whose loaded state is `doc`; must not change `doc`. */
export type UpdateGuard = (docName: string, doc: Y.Doc, update: Uint8Array, writer: NotesWriter) => Result<void>;

/**
 * Whether each loaded document is a notes document. A loaded doc keeps its name, so its name is parsed once
 * rather than on every update (it showed in the relay path's profile); weak, so an unloaded doc is forgotten.
 */
const isNotesDoc = new WeakMap<Y.Doc, boolean>();

/** Duet's rules: authorship in notes documents; the other kinds need none beyond the role check. */
export const guardDocumentUpdate: UpdateGuard = (docName, doc, update, writer) => {
  let notes = isNotesDoc.get(doc);
  if (notes === undefined) isNotesDoc.set(doc, (notes = parseDocName(docName)?.kind === 'notes'));
  return notes ? guardNotesUpdate(doc, update, writer) : ok(undefined);
};
