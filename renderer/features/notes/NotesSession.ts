/**
 * An open notes document (`{workspace}/notes/{playbookId}`): the deal log and anchored notes of one playbook.
 * Unlike a playbook no editor binding is involved, so the stored content is applied at once and the sync
 * link (when the workspace is joined to a server) connects immediately. Offline, writes land in the local
 * document and its persistence; the link sends them when the server is reachable again.
 */
import * as Y from 'yjs';
import { LOCAL_LOAD_ORIGIN, LocalPersistence, type PersistenceState } from '../../collab/LocalPersistence';
import type { SyncLink } from '../../collab/SyncLink';
import type { DocStore } from '../../platform/DocStore';

/** The notes of one playbook, opened. Call `close` when done. */
export class NotesSession {
  readonly doc = new Y.Doc();
  /** The sync server link, when the workspace is joined to a server. */
  readonly link: SyncLink | null;
  private readonly persistence: LocalPersistence;

  constructor(
    readonly docName: string,
    readonly playbookId: string,
    store: DocStore,
    stored: { update: Uint8Array | null; entries: number },
    createLink: ((doc: Y.Doc, docName: string) => SyncLink) | null = null,
  ) {
    if (stored.update) Y.applyUpdate(this.doc, stored.update, LOCAL_LOAD_ORIGIN);
    this.persistence = new LocalPersistence(store, docName, this.doc, stored.entries);
    this.link = createLink ? createLink(this.doc, docName) : null;
  }

  /** "saving" while changes are on their way to disk. */
  getSaveState(): PersistenceState {
    return this.persistence.getState();
  }

  /** Subscribes to save-state changes; returns the disposer. */
  onSaveState(listener: (state: PersistenceState) => void): () => void {
    return this.persistence.onStateChange(listener);
  }

  /** Resolves once everything written so far is stored on this device. */
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  /** Stores what is pending and releases the document. */
  async close(): Promise<void> {
    this.link?.destroy();
    await this.persistence.dispose();
    this.doc.destroy();
  }
}
