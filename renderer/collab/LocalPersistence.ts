/**
 * Keeps a Y.Doc's every change in a DocStore. Updates are batched for one macrotask (so a burst of
 * keystrokes is one write, far inside the 1 s budget) and written through a serial queue so
 * compaction never interleaves with an append.
 */
import * as Y from 'yjs';
import { QuietCompaction } from '@shared/collab/QuietCompaction';
import { mergeInGroups } from '@shared/collab/mergeInGroups';
import type { DocStore } from '../platform/DocStore';

/** Transaction origin for content read from the store: it must not be written back. */
export const LOCAL_LOAD_ORIGIN = Symbol('duet:local-load');

/**
 * How long edits are gathered into one write: one macrotask, so everything typed in the same task is one
 * IndexedDB transaction while a reload or a closed window right after typing still loses nothing. (A
 * longer window was tried: it lost renames made just before a reload, for no measurable typing gain.)
 */
const BATCH_MS = 0;

/**
 * Merge the stored log into one entry after this many appends, once the document has been quiet for
 * `COMPACT_QUIET_MS` (the policy and its reasons: shared/collab/QuietCompaction.ts). Merging a
 * 5,000-paragraph playbook's log is one long task (0.5–2 s on a busy machine), so two seconds of quiet.
 */
const COMPACT_EVERY = 200;
const COMPACT_QUIET_MS = 2_000;
/** A log this long is merged at once, quiet or not (hours of typing without a two-second pause). */
const COMPACT_AT_LATEST = 2_000;
/** After a failed write, retry after 1 s, then 2, 4… up to 30 s, even if nobody types again. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/** Pending-write state, for the "saving…/saved" indicator. */
export type PersistenceState = 'saved' | 'saving' | 'error';

/** Persistence of one document; `dispose` flushes what is pending. */
export class LocalPersistence {
  private pending: Uint8Array[] = [];
  /** Batches handed to the queue and not yet written (a flush may queue several, see mergeInGroups). */
  private unwritten = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private appendsSinceCompact = 0;
  private state: PersistenceState = 'saved';
  private readonly listeners = new Set<(state: PersistenceState, error?: Error) => void>();
  private disposed = false;
  private retryDelay = RETRY_FIRST_MS;
  private readonly compaction: QuietCompaction;

  constructor(
    private readonly store: DocStore,
    private readonly docName: string,
    private readonly doc: Y.Doc,
    storedEntries = 0,
    { compactQuietMs = COMPACT_QUIET_MS }: { compactQuietMs?: number } = {},
  ) {
    this.appendsSinceCompact = storedEntries;
    this.compaction = new QuietCompaction({
      every: COMPACT_EVERY,
      quietMs: compactQuietMs,
      latestAfter: COMPACT_AT_LATEST,
      compact: () => {
        if (!this.disposed) this.queue = this.queue.then(() => this.compact());
      },
      startTimer: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      now: () => performance.now(),
    });
    doc.on('update', this.handleUpdate);
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOCAL_LOAD_ORIGIN || this.disposed) return;
    this.compaction.activity(); // still typing: a due compaction waits for quiet again
    this.pending.push(update);
    this.setState('saving');
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  };

  private setState(state: PersistenceState, error?: Error): void {
    if (state === this.state && !error) return;
    this.state = state;
    for (const listener of this.listeners) listener(state, error);
  }

  /** Current state. */
  getState(): PersistenceState {
    return this.state;
  }

  /** Subscribes to state changes; returns the disposer. */
  onStateChange(listener: (state: PersistenceState, error?: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes everything pending; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) {
      // In groups of about a megabyte, each its own record: one merge of a joining device's 23.5 MB deal log
      // would be a long task.
      const batches = mergeInGroups(this.pending);
      this.pending = [];
      this.unwritten += batches.length;
      for (const batch of batches) this.queue = this.queue.then(() => this.write(batch));
    }
    return this.queue;
  }

  private async write(batch: Uint8Array): Promise<void> {
    try {
      await this.store.append(this.docName, batch);
      this.unwritten--;
      this.appendsSinceCompact++;
      this.compaction.appended(this.appendsSinceCompact); // queues a compaction behind this write when due
      this.retryDelay = RETRY_FIRST_MS;
      if (this.unwritten === 0 && this.pending.length === 0 && this.timer === null) this.setState('saved');
    } catch (error) {
      this.unwritten--;
      // Keep the batch for the next attempt, which comes on its own; the UI shows that saving failed.
      this.pending.unshift(batch);
      this.setState('error', error instanceof Error ? error : new Error(String(error)));
      console.error(`[store] could not save ${this.docName}`, error);
      if (this.timer === null && !this.disposed) {
        this.timer = setTimeout(() => void this.flush(), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      }
    }
  }

  /**
   * Merges the stored log. A failure leaves the log as it was — longer, still complete — so it is reported
   * and the writes go on; the next quiet moment tries again.
   */
  private async compact(): Promise<void> {
    this.compaction.dispose();
    if (this.appendsSinceCompact < COMPACT_EVERY) return; // already merged by a compaction queued just before
    try {
      await this.store.compact(this.docName);
      this.appendsSinceCompact = 1;
    } catch (error) {
      console.error(`[store] could not compact ${this.docName}`, error);
    }
  }

  /** Stops listening and writes what is pending. */
  async dispose(): Promise<void> {
    this.compaction.dispose();
    this.doc.off('update', this.handleUpdate);
    await this.flush();
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer); // a failed final write stays reported, not retried forever
    this.timer = null;
    this.listeners.clear();
  }
}
