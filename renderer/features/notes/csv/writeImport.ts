/**
 * Writes an import's deals into the notes document in batches: each batch is one Yjs transaction (one update,
 * so one WebSocket frame to the sync server), sized to run in a few tens of milliseconds and to stay far
 * below the server's frame limit, with a yield between batches so the window keeps answering. The bytes sent
 * are paced below the server's per-connection rate, so a 10 MB import is never cut off as a flood (only
 * when the document is linked to a server).
 * Cancel removes the deals this import already added: a cancelled import leaves the log as it was.
 */
import type * as Y from 'yjs';
import { importDealBatch, removeDeal, type Writer } from '@shared/collab/notes';
import type { DealInput } from '@shared/domain/deal';
import { measurePhase } from '../../../platform/measurePhase';
import { nextTask } from '../../../platform/nextTask';

/**
 * Limits the import keeps, below the sync server's defaults (server/http/startSyncServer.ts DEFAULT_LIMITS:
 * frames up to 1 MiB, 2 MiB/s with an 8 MiB burst, 200 messages/s with a burst of 1,000); a unit test
 * checks they stay below.
 */
export const IMPORT_LIMITS = {
  /** Largest update (frame) one batch may produce. */
  maxBatchBytes: 256 * 1024,
  /** Bytes sent before pacing starts. */
  burstBytes: 4 * 1024 * 1024,
  /** Sustained bytes per second once the burst is spent. */
  bytesPerSecond: 1.5 * 1024 * 1024,
  /** Time one batch should take: long enough to keep frames few, short enough to stay responsive. */
  batchMs: 16,
  /** Deals in the first batch, before the writer has measured anything. */
  firstBatch: 50,
} as const;

/** What the writer reports as it goes. */
export interface WriteProgress {
  written: number;
  total: number;
}

/** How a batched import ended. */
export type WriteOutcome =
  | { status: 'done'; added: number; skippedDuplicates: number; batches: number; maxBatchBytes: number }
  | { status: 'cancelled'; removed: number }
  | { status: 'failed'; message: string };

/** Options of `writeDealsInBatches`. */
export interface WriteOptions {
  known: Set<string>;
  signal?: AbortSignal;
  onProgress?: (progress: WriteProgress) => void;
  limits?: typeof IMPORT_LIMITS;
  /**
   * False when the document has no link to a sync server: its bytes only go to local storage, and pacing
   * (a third to half of a 20,000-row import's time) would buy nothing.
   */
  paced?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `inputs` in batches; see the file comment. */
export async function writeDealsInBatches(
  doc: Y.Doc,
  inputs: readonly DealInput[],
  writer: Writer,
  { known, signal, onProgress, limits = IMPORT_LIMITS, paced = true }: WriteOptions,
): Promise<WriteOutcome> {
  const added: string[] = [];
  let skippedDuplicates = 0;
  let batches = 0;
  let maxBatchBytes = 0;
  let sent = 0;
  let batchBytes = 0;
  const started = performance.now();
  const handleUpdate = (update: Uint8Array): void => {
    batchBytes += update.byteLength;
  };
  let size: number = limits.firstBatch;
  let next = 0;
  doc.on('update', handleUpdate);
  try {
    while (next < inputs.length) {
      if (signal?.aborted) return { status: 'cancelled', removed: await removeAdded(doc, added, writer) };
      // Pacing: never more than the burst plus the sustained rate since the start.
      const allowed = limits.burstBytes + ((performance.now() - started) / 1000) * limits.bytesPerSecond;
      if (paced && sent > allowed) {
        const waitFrom = performance.now();
        await sleep(((sent - allowed) / limits.bytesPerSecond) * 1000);
        measurePhase('import:pacing', waitFrom);
      }
      const batch = inputs.slice(next, next + size);
      batchBytes = 0;
      const t0 = performance.now();
      const result = importDealBatch(doc, batch, writer, known);
      const ms = measurePhase('import:batches', t0) - t0;
      if (!result.ok) return { status: 'failed', message: result.error.message };
      added.push(...result.value.ids);
      skippedDuplicates += result.value.skippedDuplicates;
      next += batch.length;
      batches++;
      sent += batchBytes;
      maxBatchBytes = Math.max(maxBatchBytes, batchBytes);
      // The next batch aims at the time budget and the byte limit, measured on this one.
      const perDealMs = ms / Math.max(1, batch.length);
      const perDealBytes = batchBytes / Math.max(1, result.value.ids.length);
      const byTime = Math.floor(limits.batchMs / Math.max(perDealMs, 0.001));
      const byBytes = Math.floor((limits.maxBatchBytes * 0.8) / Math.max(perDealBytes, 1));
      size = Math.max(10, Math.min(byTime, byBytes, 400));
      onProgress?.({ written: next, total: inputs.length });
      await nextTask();
    }
    measurePhase('import:write', started);
    return { status: 'done', added: added.length, skippedDuplicates, batches, maxBatchBytes };
  } finally {
    doc.off('update', handleUpdate);
  }
}

/** Removes the deals a cancelled import added, in batches too (the removal travels to the server as well). */
async function removeAdded(doc: Y.Doc, ids: readonly string[], writer: Writer): Promise<number> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    doc.transact(() => {
      for (const id of ids.slice(i, i + 500)) if (removeDeal(doc, id, writer).ok) removed++;
    });
    await nextTask();
  }
  return removed;
}
