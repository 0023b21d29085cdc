/**
 * A CSV file dropped on the review before the review's import code is in. The review is on screen at
 * once, but its "Import CSV…" part (and the notes document it writes to) load a moment later; a drop in
 * that moment would otherwise reach the window, which tells the user to drop it on the review — where
 * they just dropped it. The window holds the file here instead, and the import takes it when it mounts.
 */

/** How long a held drop stays wanted: a file dropped minutes ago must not open an import out of the blue. */
const HELD_FOR_MS = 30_000;

let held: { file: File; at: number } | null = null;
const listeners = new Set<() => void>();

/** Holds `file`, dropped on a CSV drop zone whose import is not mounted yet, and tells who listens. */
export function holdCsvDrop(file: File): void {
  held = { file, at: Date.now() };
  for (const listener of [...listeners]) listener();
}

/** The held file, taken (so it is imported once), or null when none is held or it is too old. */
export function takeHeldCsvDrop(): File | null {
  const taken = held;
  held = null;
  return taken && Date.now() - taken.at <= HELD_FOR_MS ? taken.file : null;
}

/** Calls `listener` whenever a file is held; returns the disposer. */
export function onCsvDropHeld(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
