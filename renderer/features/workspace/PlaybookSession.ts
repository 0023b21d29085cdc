/**
 * An open playbook: its Y.Doc, the provider the editor binds to, and the persistence that stores every change.
 * The document starts empty and receives its stored content when the editor's provider connects (see
 * LocalProvider), so the editor binding sees the content arrive as ordinary Yjs events.
 */
import { DocSession, type LinkFactory } from '../../collab/DocSession';
import { LocalProvider } from '../../collab/LocalProvider';
import type { DocStore } from '../../platform/DocStore';

/** A playbook opened for editing. Call `close` when the editor unmounts. */
export class PlaybookSession extends DocSession {
  readonly provider: LocalProvider;

  constructor(
    docName: string,
    readonly playbookId: string,
    store: DocStore,
    stored: { update: Uint8Array | null; entries: number },
    createLink: LinkFactory | null = null,
  ) {
    super(docName, store, stored.entries, createLink);
    this.provider = new LocalProvider(
      this.doc,
      stored.update,
      this.link && { awareness: this.link.provider.awareness, connect: () => this.link!.connect() },
    );
  }

  /** Subscribes to "the stored content could not be read" (found while the editor loads it); disposer. */
  onLoadError(listener: (error: Error) => void): () => void {
    const handler = (error: unknown): void => listener(error as Error);
    this.provider.on('load-error', handler as never);
    if (this.provider.loadError) listener(this.provider.loadError);
    return () => this.provider.off('load-error', handler as never);
  }

  protected override release(): void {
    this.provider.destroy();
  }
}
