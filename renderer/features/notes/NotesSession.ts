/**
 * An open notes document (`{workspace}/notes/{playbookId}`): the deal log and anchored notes of one playbook.
 * Unlike a playbook no editor binding is involved, so the stored content is applied at once and the sync
 * link (when the workspace is joined to a server) connects immediately. Offline, writes land in the local
 * document and its persistence; the link sends them when the server is reachable again.
 */
import type * as Y from 'yjs';
import { DocSession, type LinkFactory } from '../../collab/DocSession';
import type { DocStore } from '../../platform/DocStore';

/** The notes of one playbook, opened. Call `close` when done. */
export class NotesSession extends DocSession {
  constructor(
    docName: string,
    readonly playbookId: string,
    store: DocStore,
    stored: { update: Uint8Array | null; entries: number },
    createLink: LinkFactory | null = null,
    /** A document the stored content was already applied to (in slices, see applyInSlices). */
    doc?: Y.Doc,
  ) {
    // Applied before the link's socket opens (that happens on a later task), so the first sync sends it; the
    // caller checks `storedContentComplete` (this is the only decode: the store does not validate it first).
    super(docName, store, stored.entries, createLink, stored.update, doc);
  }
}
