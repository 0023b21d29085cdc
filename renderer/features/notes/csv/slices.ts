/**
 * Long work in the renderer, in slices: a 20,000-row import parses, checks and writes for seconds, and the
 * window must answer clicks (Cancel) and paint progress meanwhile. Each slice runs for a few milliseconds,
 * then yields a macrotask (renderer/platform/nextTask.ts) so input, React renders and paints go first.
 */
import { nextTask } from '../../../platform/nextTask';

/** How long one slice may run: well under a frame, far under the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

/** Options of `runInSlices`. */
export interface SliceOptions {
  /** Stops between items; `runInSlices` then resolves false. */
  signal?: AbortSignal;
  /** Called after each slice with how many items are done. */
  onProgress?: (done: number, total: number) => void;
  budgetMs?: number;
}

/**
 * Calls `step(i)` for every i below `count`, yielding to the browser whenever a slice has used its budget.
 * Resolves true when all ran, false when cancelled (steps already run are not undone: the caller decides).
 */
export async function runInSlices(
  count: number,
  step: (index: number) => void,
  { signal, onProgress, budgetMs = SLICE_MS }: SliceOptions = {},
): Promise<boolean> {
  let i = 0;
  while (i < count) {
    if (signal?.aborted) return false;
    const until = performance.now() + budgetMs;
    // Checking the clock every 16 items keeps the overhead negligible for cheap steps.
    do {
      const end = Math.min(count, i + 16);
      for (; i < end; i++) step(i);
    } while (i < count && performance.now() < until);
    onProgress?.(i, count);
    if (i < count) await nextTask();
  }
  return !signal?.aborted;
}
