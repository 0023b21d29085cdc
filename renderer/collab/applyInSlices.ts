/**
 * Applies stored updates to a document a slice per task. Y.applyUpdate cannot be interrupted, and the
 * stored notes of a 20,000-deal log (23 MB) took one 600–700 ms task to decode: the window froze while the
 * app started. Split into pieces of half a megabyte (shared/collab/splitUpdate.ts) and applied one per
 * task, the same work leaves room for paints and input between the pieces.
 */
import * as Y from 'yjs';
import { updatePieces } from '@shared/collab/splitUpdate';

/** About 15 ms of decoding on a 2-core laptop (measured ~35 MB/s in Chromium), leaving room for a busy machine. */
export const SLICE_BYTES = 1 << 19;

/**
 * Resolves in a new task. A message to oneself rather than setTimeout(0): nested timers are clamped to
 * 4 ms each, which over two dozen slices would add ~100 ms for nothing.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Applies `parts` (stored updates, oldest first) to `doc` with `origin`, in slices of about `sliceBytes`,
 * yielding between slices. Throws when a part is not a Yjs update; the caller checks afterwards that
 * nothing is pending (a part that references changes that were never stored).
 */
export async function applyInSlices(
  doc: Y.Doc,
  parts: readonly Uint8Array[],
  origin: unknown,
  sliceBytes: number = SLICE_BYTES,
  yieldToBrowser: () => Promise<void> = nextTask,
): Promise<void> {
  let applied = 0;
  for (const part of parts)
    for (const piece of updatePieces(part, sliceBytes)) {
      // Small parts (an edit each) are applied back to back; a slice's worth of bytes ends a task.
      Y.applyUpdate(doc, piece, origin);
      applied += piece.length;
      if (applied >= sliceBytes) {
        applied = 0;
        await yieldToBrowser();
      }
    }
}
