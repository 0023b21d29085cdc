/**
 * The cluster catch-up of one loaded document: which stored updates the copy holds, by sequence number
 * (`SeqWatermark`), and reading the store when a hole opens — after a short grace, since the missing
 * message may be in flight — or when the fan-out reconnected or another node announced a higher head.
 * Updates read back are handed to `apply` (the document relays them, never stores them again). Moved out of
 * SharedDoc unchanged in behaviour.
 */
import type { Metrics } from '../http/Metrics';
import type { DocStorage } from '../storage/DocStorage';
import { SeqWatermark } from './SeqWatermark';

/** How long a hole may stay open before it is read from the store (the missing message may be in flight). */
const GAP_GRACE_MS = 150;
/** Retry delay of a catch-up that failed (the store is unreachable). */
const CATCH_UP_RETRY_MS = 1_000;

/** What the catch-up needs of its document. */
export interface ClusterCatchUpDeps {
  name: string;
  storage: Pick<DocStorage, 'load'>;
  metrics: Pick<Metrics, 'catchUps'>;
  /** Applies one update read from the store to the document. */
  apply: (update: Uint8Array) => void;
  /** True once the document is destroyed: nothing more is read or applied. */
  isDestroyed: () => boolean;
}

/** Sequence bookkeeping and catch-up of one document. */
export class ClusterCatchUp {
  private readonly seqs = new SeqWatermark();
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private gapTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ClusterCatchUpDeps) {}

  /** Every update numbered ≤ this is in the copy. */
  get watermark(): number {
    return this.seqs.watermark;
  }

  /** The highest number heard of. */
  get highest(): number {
    return this.seqs.highest;
  }

  /** Records that the copy holds everything up to `seq` (it was read from the store). */
  advanceTo(seq: number): void {
    this.seqs.advanceTo(seq);
  }

  /** Records that updates `first … last` are in the copy; a hole left behind is caught up shortly. */
  add(first: number, last: number): void {
    this.seqs.add(first, last);
    if (this.seqs.hasGap) this.scheduleCatchUp();
  }

  /** Stops the pending gap timer. */
  dispose(): void {
    if (this.gapTimer !== null) clearTimeout(this.gapTimer);
  }

  /** A hole may close by itself (its message is in flight); read the store if it is still open shortly. */
  private scheduleCatchUp(): void {
    if (this.gapTimer !== null) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.seqs.hasGap) void this.catchUp();
    }, GAP_GRACE_MS);
  }

  /** Reads every stored update above the watermark and applies it (relayed, not stored again). */
  catchUp(): Promise<void> {
    if (this.catchingUp !== null) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const { name, storage, metrics, apply, isDestroyed } = this.deps;
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        if (isDestroyed()) return;
        const rows = await storage.load(name, this.seqs.watermark);
        if (isDestroyed()) return;
        metrics.catchUps++;
        for (const row of rows) apply(row.update);
        const last = rows.at(-1)?.seq;
        if (last !== undefined) this.seqs.advanceTo(last);
      } while (this.catchUpAgain);
    })()
      .catch((error: unknown) => {
        console.warn(`[cluster] ${name}: catching up failed, retrying: ${(error as Error).message}`);
        setTimeout(() => void this.catchUp(), CATCH_UP_RETRY_MS).unref();
      })
      .finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }
}
