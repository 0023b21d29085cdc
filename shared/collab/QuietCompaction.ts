/**
 * When a document's stored update log is merged into one entry (compaction) — one policy for the sync
 * server's documents and the app's local copies.
 *
 * Merging costs about what decoding the whole log costs, and both sides run it on the thread that also
 * serves edits: profiled under a burst of typing, compactions in the middle of the burst were a quarter of
 * the server's time, and in the app merging a 5,000-paragraph playbook's log between two keystrokes froze
 * the typing every 200 saves. So a log compacts after `every` appends once the document has been quiet for
 * `quietMs` — between bursts, not inside one — and at the latest after `latestAfter` appends, however busy
 * it stays (hours of typing without a pause must not grow the log without bound).
 */

/** Starts a timer and returns its canceller; the server passes an unref'd Node timer. */
export type StartTimer = (run: () => void, ms: number) => () => void;

/** The numbers and effects of one document's compaction policy. */
export interface QuietCompactionOptions {
  /** Appends after which a compaction is due (at the next quiet moment). */
  every: number;
  /** How long nothing may have been stored or typed before a due compaction runs. */
  quietMs: number;
  /** Appends after which the log compacts at once, quiet or not. */
  latestAfter: number;
  /** Queues the compaction itself (through the document's write queue, so it never interleaves). */
  compact: () => void;
  startTimer: StartTimer;
  /** Milliseconds from any fixed origin. */
  now: () => number;
}

/** Decides when one document compacts; call `activity` on every edit and `appended` after each store. */
export class QuietCompaction {
  private cancelTimer: (() => void) | null = null;
  private lastActivityAt = 0;

  constructor(private readonly options: QuietCompactionOptions) {}

  /** Whether a compaction is due and waiting for a quiet moment. */
  get waiting(): boolean {
    return this.cancelTimer !== null;
  }

  /** Someone is still editing: a due compaction waits for quiet again (cheap: a timestamp, no timer). */
  activity(): void {
    this.lastActivityAt = this.options.now();
  }

  /** Called after each stored batch, with the appends since the last compaction. */
  appended(appendsSinceCompaction: number): void {
    const { every, latestAfter, quietMs, compact } = this.options;
    this.activity();
    if (appendsSinceCompaction < every) return;
    if (appendsSinceCompaction >= latestAfter) {
      this.dispose();
      compact();
      return;
    }
    if (this.cancelTimer === null) this.wait(quietMs);
  }

  /** Cancels a pending compaction (a compaction ran, or the document closes and compacts or flushes anyway). */
  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** One timer per document, pushed back while activity keeps coming rather than re-armed for each edit. */
  private wait(ms: number): void {
    this.cancelTimer = this.options.startTimer(() => {
      this.cancelTimer = null;
      const quietFor = this.options.now() - this.lastActivityAt;
      if (quietFor >= this.options.quietMs) this.options.compact();
      else this.wait(this.options.quietMs - quietFor);
    }, ms);
  }
}
