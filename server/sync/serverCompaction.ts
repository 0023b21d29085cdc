/**
 * The sync server's numbers for the shared compaction policy (shared/collab/QuietCompaction.ts). A loaded
 * document compacts once it has stored nothing for a second after `every` appends — between bursts of
 * typing, where profiling showed compactions inside a burst costing a quarter of the server's time — and
 * at the latest after four times `every` appends. Unloading compacts too (DocRegistry).
 */
import { QuietCompaction } from '@shared/collab/QuietCompaction';

/** How long a document must have stored nothing before it compacts. */
const QUIET_MS = 1_000;
/** A document that never pauses compacts after this many times `every` appends all the same. */
const LATEST_FACTOR = 4;

/** The compaction schedule of one server document; `compact` queues the compaction itself. */
export function serverCompaction(every: number, compact: () => void): QuietCompaction {
  return new QuietCompaction({
    every,
    quietMs: QUIET_MS,
    latestAfter: every * LATEST_FACTOR,
    compact,
    // unref'd: a pending compaction never keeps the process alive (the registry compacts on unload anyway).
    startTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
    now: () => performance.now(),
  });
}
