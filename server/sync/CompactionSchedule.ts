/**
 * When a loaded document merges its update log into one row (compaction). Merging costs about what decoding
 * the whole log costs, and SQLite runs it on the event loop, so every document waits meanwhile. Profiled
 * under a burst of typing (bench/server-cluster.mjs, the server run with --cpu-prof), compactions in the
 * middle of the burst were a quarter of the server's time. So a document compacts after `every` appends
 * once it has been quiet for a second — between bursts, not inside one — and at the latest after
 * `LATEST_FACTOR` times `every` appends, however busy it stays. Unloading compacts too (DocRegistry).
 */

/** How long a document must have stored nothing before it compacts. */
const QUIET_MS = 1_000;
/** A document that never pauses compacts after this many times `every` appends all the same. */
const LATEST_FACTOR = 4;

/** Decides when one document compacts; `compact` queues the compaction itself. */
export class CompactionSchedule {
  private timer: NodeJS.Timeout | null = null;
  private lastStoredAt = 0;

  constructor(
    private readonly every: number,
    private readonly compact: () => void,
  ) {}

  /** Called after each stored batch, with the appends since the last compaction. */
  stored(appendsSinceCompaction: number): void {
    if (appendsSinceCompaction < this.every) return;
    if (appendsSinceCompaction >= this.every * LATEST_FACTOR) {
      this.dispose();
      this.compact();
      return;
    }
    this.lastStoredAt = performance.now();
    if (this.timer === null) this.wait(QUIET_MS);
  }

  /** Cancels a pending compaction (the document unloads, which compacts anyway). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One timer per document, pushed back while batches keep coming rather than re-armed for each. */
  private wait(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quietFor = performance.now() - this.lastStoredAt;
      if (quietFor >= QUIET_MS) this.compact();
      else this.wait(QUIET_MS - quietFor);
    }, ms);
    this.timer.unref();
  }
}
