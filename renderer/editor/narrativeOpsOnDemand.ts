/**
 * The narrative operations (narrativeOps.ts) for the editor's own "add narrative": they load once the text is
 * shown (DeferredPlugins.tsx asks; the narratives' chrome imports them too), not with the first screen. An
 * operation runs only when they are in, in the same task as the click or key that asked for it: run a moment
 * later, an insertion moved the caret under someone already typing, and the first or last words they typed
 * went to another narrative (or nowhere). Until then "+ Narrative" is disabled (`useNarrativeOpsReady`) —
 * a few milliseconds after the text appears.
 */
import { useSyncExternalStore } from 'react';

type NarrativeOps = typeof import('./narrativeOps');

let loaded: NarrativeOps | null = null;
let loading: Promise<NarrativeOps> | null = null;
const listeners = new Set<() => void>();

/** Starts loading the operations (idempotent; after a failed download the next call tries again). */
export function preloadNarrativeOps(): Promise<NarrativeOps> {
  loading ??= import('./narrativeOps').then(
    (ops) => {
      loaded = ops;
      for (const listener of [...listeners]) listener();
      return ops;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Runs `run` with the operations now, in this task, when they are in, and returns true; returns false and does
 * nothing (starting their download) when they are not yet.
 */
export function withNarrativeOps(run: (ops: NarrativeOps) => void): boolean {
  if (loaded === null) {
    preloadNarrativeOps().catch((error: unknown) => console.error('[editor] narrative operations', error));
    return false;
  }
  run(loaded);
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the operations are in (re-renders when they arrive). */
export function useNarrativeOpsReady(): boolean {
  return useSyncExternalStore(subscribe, () => loaded !== null);
}
