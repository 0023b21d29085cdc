/**
 * The editor's Yjs binding (CollaborationBindingPlugin) talks to a "provider". Offline, ours has no network: `connect` puts the
 * stored content into the (until then empty) document — the binding learns content from Yjs events, so
 * it must be bound first — and reports the document as synced. The network provider of the sync server
 * attaches to the same document later without changing the editor.
 */
import type { Provider, ProviderAwareness } from '@lexical/yjs';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOCAL_LOAD_ORIGIN } from './LocalPersistence';
import { applyStored } from './applyStored';
import { measureApply } from './measureApply';

type Listener = (...args: never[]) => void;

/** A provider for a document whose content comes from local storage. */
export class LocalProvider implements Provider {
  readonly awareness: ProviderAwareness;
  private readonly listeners = new Map<string, Set<Listener>>();
  private initial: Uint8Array | null;

  private readonly ownsAwareness: boolean;

  /**
   * @param network the sync server link, if the workspace has one: its awareness carries cursors and
   *   presence, and it connects only after the stored content is in the document.
   */
  constructor(
    readonly doc: Y.Doc,
    initialUpdate: Uint8Array | null,
    private readonly network: { awareness: Awareness; connect(): void } | null = null,
  ) {
    this.initial = initialUpdate;
    this.ownsAwareness = network === null;
    this.awareness = (network?.awareness ?? new Awareness(doc)) as unknown as ProviderAwareness;
  }

  /** Set when the stored content turned out to be unreadable while it was applied. */
  loadError: Error | null = null;

  connect(): void {
    if (this.loadError) return;
    if (this.initial !== null) {
      const initial = this.initial;
      this.initial = null;
      try {
        measureApply(this.doc, performance.now());
        applyStored(this.doc, initial, LOCAL_LOAD_ORIGIN);
        if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
          throw new Error('some saved changes are missing');
        }
      } catch (error) {
        // Checked here rather than before: decoding a large playbook twice doubled its opening time. Nothing
        // is written back (the load's origin is never persisted) and the network is not connected, so a
        // half-read document never reaches the disk or the server.
        console.warn('[store] stored playbook content is unreadable', error);
        this.loadError = error instanceof Error ? error : new Error(String(error));
        this.emit('load-error', this.loadError);
        return;
      }
    }
    this.network?.connect();
    this.emit('status', { status: 'connected' });
    this.emit('sync', true);
  }

  disconnect(): void {
    // Nothing to close: the document and its persistence live as long as the open playbook, not the editor.
  }

  on(type: string, cb: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(cb);
  }

  off(type: string, cb: Listener): void {
    this.listeners.get(type)?.delete(cb);
  }

  private emit(type: string, arg: unknown): void {
    for (const cb of [...(this.listeners.get(type) ?? [])]) (cb as (a: unknown) => void)(arg);
  }

  /** Releases the awareness instance (the network link releases its own). */
  destroy(): void {
    if (this.ownsAwareness) (this.awareness as unknown as Awareness).destroy();
  }
}
