/**
 * The narrative operations (narrativeOps.ts) for the editor's own "add narrative": they load once the text is
 * shown (InteractionPlugins.tsx asks, and the narratives' chrome imports them), not with the first screen.
 * Once they are in, an operation runs at once, in the same task as the click or key that asked for it, so
 * typing goes on in the new narrative; only in the moment before does it wait for them.
 */
type NarrativeOps = typeof import('./narrativeOps');

let loaded: NarrativeOps | null = null;

/** Starts loading the operations (idempotent). */
export function preloadNarrativeOps(): Promise<NarrativeOps> {
  return import('./narrativeOps').then((ops) => (loaded = ops));
}

/** Runs `run` with the operations: now when they are in, else as soon as they are. */
export function withNarrativeOps(run: (ops: NarrativeOps) => void): void {
  if (loaded !== null) run(loaded);
  else void preloadNarrativeOps().then(run);
}
