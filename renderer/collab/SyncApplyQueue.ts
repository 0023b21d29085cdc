/**
 * One queue, in arrival order, for every update a sync link receives, so that no task applies more than a
 * slice. The server answers a joining client with the document's stored rows one message each (up to 16,
 * server/sync/FullState.ts), each under a slice: y-websocket would apply each at once, and when several
 * arrive together (one socket read holds many messages in Node; a busy browser may queue them back to back)
 * a 23 MB deal log went in within one task again. Here an update is applied at once only while the current
 * task has bytes and time left and nothing is waiting; otherwise it waits its turn and is applied in slices,
 * a slice per task (shared/collab/applyInSlices.ts).
 */
import type * as Y from 'yjs';
import { applyInSlices, SLICE_BYTES, SLICE_MS } from '@shared/collab/applyInSlices';
import { applyUpdateQuietly } from '@shared/collab/applyUpdateQuietly';

/** What one queue needs from its surroundings; tests give their own clock and yield. */
export interface SyncApplyQueueOptions {
  /** Ends the current task (the renderer's nextTask). */
  readonly yieldNow: () => Promise<void>;
  /** Bytes one task may apply. */
  readonly sliceBytes?: number;
  /** Milliseconds one task may spend applying. */
  readonly budgetMs?: number;
  readonly now?: () => number;
  /** Told about an update that does not apply; the queue goes on, as y-protocols would. */
  readonly onUnapplied: (error: unknown) => void;
}

/** Applies received updates to one document in the order they came, at most a slice per task. */
export class SyncApplyQueue {
  private readonly sliceBytes: number;
  private readonly budgetMs: number;
  private readonly now: () => number;
  /** The last queued update's application, or null when nothing waits. */
  private tail: Promise<void> | null = null;
  /** Bytes applied at once in the current task, and when the first of them began. */
  private taskBytes = 0;
  private taskStart = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: unknown,
    private readonly options: SyncApplyQueueOptions,
  ) {
    this.sliceBytes = options.sliceBytes ?? SLICE_BYTES;
    this.budgetMs = options.budgetMs ?? SLICE_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Applies `update` after everything received before it, then calls `applied` (also when the update did
   * not apply, or the document was destroyed meanwhile: there is nothing more to wait for).
   */
  apply(update: Uint8Array, applied: () => void = () => {}): void {
    if (this.tail === null && this.fitsThisTask(update.length)) {
      this.applyNow(update);
      applied();
      return;
    }
    // Anything already queued, or a task already spent, goes first: this update starts in a later task.
    const previous = this.tail ?? Promise.resolve();
    const mine = previous
      .then(() => this.options.yieldNow())
      .then(() => this.sliced(update))
      .then(applied);
    this.tail = mine;
    void mine.then(() => {
      if (this.tail === mine) this.tail = null;
    });
  }

  /** Whether `bytes` more may be applied in this task; the first call of a task starts its budget. */
  private fitsThisTask(bytes: number): boolean {
    if (this.taskBytes === 0) {
      this.taskStart = this.now();
      // The stack unwinding ends this task's budget: a microtask runs before any other task.
      queueMicrotask(() => {
        this.taskBytes = 0;
      });
      return bytes <= this.sliceBytes;
    }
    return this.taskBytes + bytes <= this.sliceBytes && this.now() - this.taskStart < this.budgetMs;
  }

  private applyNow(update: Uint8Array): void {
    // Counted before applying, so an update that fails to apply still spends its share of the task.
    this.taskBytes += Math.max(1, update.length);
    try {
      applyUpdateQuietly(this.doc, update, this.origin);
    } catch (error) {
      this.options.onUnapplied(error);
    }
  }

  private async sliced(update: Uint8Array): Promise<void> {
    if (this.doc.isDestroyed) return;
    try {
      await applyInSlices(this.doc, [update], this.origin, this.options.yieldNow, this.sliceBytes, {
        budgetMs: this.budgetMs,
        now: this.now,
      });
    } catch (error) {
      this.options.onUnapplied(error);
    }
  }
}
