/**
 * An open playbook: its Y.Doc, the provider the editor binds to, and the persistence that stores every change.
 * The document starts empty and receives its stored content when the editor's provider connects (see
 * LocalProvider), so the editor binding sees the content arrive as ordinary Yjs events.
 */
import * as Y from 'yjs';
import { LocalPersistence, type PersistenceState } from '../../collab/LocalPersistence';
import { LocalProvider } from '../../collab/LocalProvider';
import type { SyncLink } from '../../collab/SyncLink';
import type { DocStore } from '../../platform/DocStore';

/** A playbook opened for editing. Call `close` when the editor unmounts. */
export class PlaybookSession {
  readonly doc = new Y.Doc();
  readonly provider: LocalProvider;
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
    this.link = createLink ? createLink(this.doc, docName) : null;
    this.provider = new LocalProvider(
      this.doc,
      stored.update,
      this.link && { awareness: this.link.provider.awareness, connect: () => this.link!.connect() },
    );
    this.persistence = new LocalPersistence(store, docName, this.doc, stored.entries);
  }

  /** Subscribes to "the stored content could not be read" (found while the editor loads it); disposer. */
  onLoadError(listener: (error: Error) => void): () => void {
    const handler = (error: unknown): void => listener(error as Error);
    this.provider.on('load-error', handler as never);
    if (this.provider.loadError) listener(this.provider.loadError);
    return () => this.provider.off('load-error', handler as never);
  }

  /** "saving" while changes are on their way to disk. */
  getSaveState(): PersistenceState {
    return this.persistence.getState();
  }

  /** Subscribes to save-state changes; returns the disposer. */
  onSaveState(listener: (state: PersistenceState) => void): () => void {
    return this.persistence.onStateChange(listener);
  }

  /** Resolves once everything typed so far is stored. */
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  /** Stores what is pending and releases the document. */
  async close(): Promise<void> {
    this.link?.destroy();
    await this.persistence.dispose();
    this.provider.destroy();
    this.doc.destroy();
  }
}
