/**
 * An open approvals document (`{workspace}/approvals/{playbookId}`). Like the versions, no editor is bound
 * to it, so the stored content is applied at once and the link (when joined to a server) connects
 * immediately. Everyone reads it; only storytellers' writes are stored by the server.
 */
import * as Y from 'yjs';
import { DocSession, type LinkFactory } from '../../collab/DocSession';
import { LOCAL_LOAD_ORIGIN } from '../../collab/LocalPersistence';
import type { DocStore } from '../../platform/DocStore';

/** The approval decisions of one playbook, opened. Call `close` when done. */
export class ApprovalsSession extends DocSession {
  constructor(
    docName: string,
    readonly playbookId: string,
    store: DocStore,
    stored: { update: Uint8Array | null; entries: number },
    createLink: LinkFactory | null = null,
  ) {
    super(docName, store, stored.entries, createLink);
    if (stored.update) Y.applyUpdate(this.doc, stored.update, LOCAL_LOAD_ORIGIN);
  }
}
