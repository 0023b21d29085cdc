/**
 * The app's side of search: starts the worker for an open workspace, forwards the Yjs updates of every
 * document the app opens (so edits — this user's and those arriving from the server — are indexed as they
 * happen, merged per pause in typing), and turns queries into promises.
 */
import type { SearchResults } from '@shared/search/SearchEngine';
import * as Y from 'yjs';
import { LOCAL_LOAD_ORIGIN } from '../../collab/LocalPersistence';
import { mergeInGroups } from '@shared/collab/mergeInGroups';
import type { FromWorker, IndexedPlaybook, IndexStatus, ToWorker } from './searchProtocol';

/** The worker's side as the client needs it (a real Worker, or a stand-in in tests). */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  terminate(): void;
  /** Starts a worker that waits for the app to settle (`deferredWorker`) now. */
  start?(): void;
}

/** Updates of a document are forwarded this long after the last one (a pause in typing). */
const FORWARD_AFTER_MS = 150;
/** While someone types, the worker hears of it at most this often (well within its quiet period). */
const TYPING_SIGNAL_MS = 250;

/** Starts the bundled search worker. */
export function startSearchWorker(): WorkerPort {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'duet-search' });
}

/** Search for one workspace. */
export class SearchClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (value: { results: SearchResults; ms: number }) => void>();
  private readonly statusListeners = new Set<(status: IndexStatus) => void>();
  private readonly indexedListeners = new Set<(docName: string) => void>();
  private currentStatus: IndexStatus = { state: 'loading' };

  constructor(
    private readonly port: WorkerPort,
    workspaceId: string,
    playbooks: readonly IndexedPlaybook[],
  ) {
    port.addEventListener('message', (event) => this.handleMessage(event.data));
    port.postMessage({ type: 'open', workspaceId, playbooks: [...playbooks] });
  }

  /** What the index is doing now. */
  get status(): IndexStatus {
    return this.currentStatus;
  }

  /** Subscribes to the index status; returns the disposer. */
  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Subscribes to "every update of this document sent so far is indexed"; returns the disposer. */
  onIndexed(listener: (docName: string) => void): () => void {
    this.indexedListeners.add(listener);
    return () => this.indexedListeners.delete(listener);
  }

  /** Someone is about to search: starts a worker still waiting for the app to settle. */
  prepare(): void {
    this.port.start?.();
  }

  /** The playbook list changed (titles, additions, deletions). */
  setPlaybooks(playbooks: readonly IndexedPlaybook[]): void {
    this.port.postMessage({ type: 'playbooks', playbooks: [...playbooks] });
  }

  /** Runs a query in the worker. */
  query(text: string): Promise<{ results: SearchResults; ms: number }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.port.postMessage({ type: 'query', id, text });
    });
  }

  /**
   * Forwards every update of `doc` to the index; returns the disposer. The stored content applied when the
   * document opens is skipped: the worker reads the same bytes from the device itself.
   */
  follow(docName: string, doc: Y.Doc): () => void {
    // Gathered while someone types and sent as one merged update once they pause: a message per keystroke
    // cost the typist more than the rest of the index's work on this side (the worker re-indexes after a
    // pause anyway).
    let pending: Uint8Array[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = (): void => {
      timer = undefined;
      if (pending.length === 0) return;
      // In groups: a joining device's deal log arrives as dozens of half-megabyte pieces.
      for (const update of mergeInGroups(pending)) this.port.postMessage({ type: 'update', docName, update });
      pending = [];
    };
    const handleUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === LOCAL_LOAD_ORIGIN) return;
      pending.push(update);
      clearTimeout(timer);
      timer = setTimeout(send, FORWARD_AFTER_MS);
    };
    doc.on('update', handleUpdate);
    return () => {
      doc.off('update', handleUpdate);
      clearTimeout(timer);
      send();
    };
  }

  /**
   * Tells the worker whenever someone types in an editor under `target` (at most every 250 ms), so that a
   * build stands still until they pause; returns the disposer. Keys in the palette's own field do not
   * count: whoever searches wants the build to go on.
   */
  watchTyping(target: EventTarget): () => void {
    let last = -Infinity;
    const handleKey = (event: Event): void => {
      const element = event.target as { isContentEditable?: boolean } | null;
      if (!element?.isContentEditable || event.timeStamp - last < TYPING_SIGNAL_MS) return;
      last = event.timeStamp;
      this.port.postMessage({ type: 'typing' });
    };
    target.addEventListener('keydown', handleKey, { capture: true, passive: true });
    return () => target.removeEventListener('keydown', handleKey, { capture: true });
  }

  /** Stops the worker (the index is already stored on the device). */
  dispose(): void {
    this.port.terminate();
    this.waiting.clear();
  }

  private handleMessage(message: FromWorker): void {
    if (message.type === 'results') {
      this.waiting.get(message.id)?.({ results: message.results, ms: message.ms });
      this.waiting.delete(message.id);
    } else if (message.type === 'status') {
      this.currentStatus = message.status;
      for (const listener of this.statusListeners) listener(message.status);
    } else for (const listener of this.indexedListeners) listener(message.docName);
  }
}
