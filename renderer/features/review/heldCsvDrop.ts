/**
 * A CSV file dropped on the review before its import is in. The review is on screen at once, but its
 * "Import CSV…" part (and the notes document it writes to) arrive a moment later; a drop in that moment would
 * otherwise reach the window, which tells the user to drop it on the review — where they just dropped it.
 * The review holds the file instead, and the import takes it when it mounts. Both live in chunks loaded on
 * first use: nothing of this is in the first screen's script.
 */

/** How long a held drop stays wanted: a file dropped minutes ago must not open an import out of the blue. */
const HELD_FOR_MS = 30_000;

let held: { file: File; at: number } | null = null;
const listeners = new Set<() => void>();

/**
 * Holds CSV files dropped on `zone` that nothing below claimed (the import claims its drops and stops them
 * there). The review's element ref: React calls it with the element and runs the returned disposer when
 * the element goes (null never comes while a disposer is returned).
 */
export function holdUnclaimedCsvDrops(zone: HTMLElement | null): (() => void) | undefined {
  if (zone === null) return undefined;
  // On the document: after the zone's own listeners (the import's, once mounted, stops its drops there),
  // and claiming the drop before the window's listener would answer it.
  const handleDrop = (event: DragEvent): void => {
    const file = event.dataTransfer?.files[0];
    if (event.defaultPrevented || !file || !file.name.toLowerCase().endsWith('.csv')) return;
    if (!(event.target instanceof Node) || !zone.contains(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    held = { file, at: Date.now() };
    for (const listener of [...listeners]) listener();
  };
  document.addEventListener('drop', handleDrop);
  return () => document.removeEventListener('drop', handleDrop);
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
