/**
 * An open document of the joint reviews: the goals, the meetings ledger, or one meeting. No editor is bound
 * to any of them, so the stored content is applied at once and the link (when joined to a server) connects
 * immediately; offline, what people write waits in the local document and reaches the server later.
 */
import { DocSession, type LinkFactory } from '../../collab/DocSession';
import type { DocStore } from '../../platform/DocStore';

/** One opened meetings/goals document. Call `close` (through the workspace) when done. */
export class MeetingDocSession extends DocSession {
  constructor(
    docName: string,
    store: DocStore,
    stored: { update: Uint8Array | null; entries: number },
    createLink: LinkFactory | null = null,
  ) {
    super(docName, store, stored.entries, createLink, stored.update);
  }
}
