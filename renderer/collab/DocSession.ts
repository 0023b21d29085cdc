/**
 * What every open document has: its Y.Doc, the persistence that stores each change on this device, and —
 * when the workspace is joined to a server — its sync link. Playbooks and notes build on it.
 */
import * as Y from 'yjs';
import type { DocStore } from '../platform/DocStore';
import { LOCAL_LOAD_ORIGIN, LocalPersistence, type PersistenceState } from './LocalPersistence';
import type { SyncLink } from './SyncLink';

/** Creates the sync link of a document (absent for local-only workspaces). */
export type LinkFactory = (doc: Y.Doc, docName: string) => SyncLink;

/** An open document. Call `close` when done. */
export abstract class DocSession {
  readonly doc: Y.Doc;
  /** The sync server link, when the workspace is joined to a server. */
  readonly link: SyncLink | null;
  private readonly persistence: LocalPersistence;
  /** False when stored content was given but did not apply completely (some saved changes are missing). */
  readonly storedContentComplete: boolean;

  /**
   * `stored`, when given, is applied before the persistence and the link listen: with an `update` listener Yjs
   * encodes every transaction's update for it — for the stored content of a 20,000-deal notes document that
   * is as much work again as decoding it, for an event everyone would ignore (the content is stored already).
   * Throws when the bytes are not a Yjs update at all. `doc`, when given, already holds the stored content
   * (applied in slices by the caller, with LOCAL_LOAD_ORIGIN).
   */
  protected constructor(
    readonly docName: string,
    store: DocStore,
    storedEntries: number,
    createLink: LinkFactory | null,
    stored: Uint8Array | null = null,
    doc: Y.Doc = new Y.Doc(),
  ) {
    this.doc = doc;
    if (stored) Y.applyUpdate(this.doc, stored, LOCAL_LOAD_ORIGIN);
    this.storedContentComplete = this.doc.store.pendingStructs === null && this.doc.store.pendingDs === null;
    this.link = createLink ? createLink(this.doc, docName) : null;
    this.persistence = new LocalPersistence(store, docName, this.doc, storedEntries);
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

  /** What a subclass releases when the session closes (after the last write). */
  protected release(): void {}

  /** Stores what is pending and releases the document. */
  async close(): Promise<void> {
    this.link?.destroy();
    await this.persistence.dispose();
    this.release();
    this.doc.destroy();
  }
}
