/**
 * Applies stored updates to a document a slice per task. Y.applyUpdate cannot be interrupted, and the
 * stored notes of a 20,000-deal log (23 MB) took one 600–700 ms task to decode: the window froze while the
 * app started, and a sync node loading it held every other room's relays as long. Split into pieces of half
 * a megabyte (splitUpdate.ts) and applied one per task, the same work leaves room for paints and input (the
 * app) or other connections (the server) between the pieces.
 */
import type * as Y from 'yjs';
import { applyUpdateQuietly } from './applyUpdateQuietly';
import { updatePieces } from './splitUpdate';

/** About 15 ms of decoding on a quiet 2-core laptop (measured ~35 MB/s in Chromium): at most this much per task. */
export const SLICE_BYTES = 1 << 19;
/** Pieces the budget is checked between: a few milliseconds each. */
const PIECE_BYTES = 1 << 17;
/**
 * Time one task may spend. On a busy machine a slice's worth of bytes took 150 ms, and a major GC landing
 * in it made a 350 ms freeze; the clock, not the byte count, is what keeps each task short.
 */
export const SLICE_MS = 12;

/**
 * Applies `parts` (stored updates, oldest first) to `doc` with `origin`, a task at a time — `yieldNow` ends
 * a task (the app's nextTask, the server's setImmediate): a task ends after `sliceBytes` or `budgetMs`,
 * whichever comes first. Throws when a part is not a Yjs update; the caller checks afterwards that nothing
 * is pending (a part that references changes that were never stored).
 */
export async function applyInSlices(
  doc: Y.Doc,
  parts: readonly Uint8Array[],
  origin: unknown,
  yieldNow: () => Promise<void>,
  sliceBytes: number = SLICE_BYTES,
  { budgetMs = SLICE_MS, now = () => performance.now() }: { budgetMs?: number; now?: () => number } = {},
): Promise<void> {
  const pieceBytes = Math.min(sliceBytes, PIECE_BYTES);
  let applied = 0;
  let started = now();
  for (const part of parts)
    for (const piece of updatePieces(part, pieceBytes)) {
      // Small parts (an edit each) are applied back to back until the task has used its bytes or its time.
      applyUpdateQuietly(doc, piece, origin);
      applied += piece.length;
      if (applied >= sliceBytes || now() - started >= budgetMs) {
        await yieldNow();
        applied = 0;
        started = now();
      }
    }
}
