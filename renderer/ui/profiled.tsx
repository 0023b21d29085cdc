/**
 * Counting React commits per screen region, for the end-to-end tests that check what a keystroke, a
 * playbook switch or a presence change re-renders. Only builds made with DUET_PROFILING=1 (the tests' build,
 * which also swaps in React's profiling build) wrap a region in a `<Profiler>`; everywhere else `profiled`
 * hands back the node itself — no extra component, no callback, nothing recorded.
 *
 * Place a probe on a region's own content (a sibling of what may update alone), not around a container:
 * React reports a commit to every Profiler above the component that rendered.
 */
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';

/** One region's part in one commit. */
export interface CommitRecord {
  id: string;
  phase: 'mount' | 'update' | 'nested-update';
  /** When React committed (the same value for every region of one commit). */
  commitTime: number;
}

declare global {
  interface Window {
    /** Every region's commits since the page loaded (or the test emptied it). Test builds only. */
    __duetCommits?: CommitRecord[];
  }
}

const ENABLED = typeof __DUET_PROFILING__ !== 'undefined' && __DUET_PROFILING__ === true;
/** Enough for any test; a page left open does not grow without bound. */
const MAX_RECORDS = 100_000;

const record: ProfilerOnRenderCallback = (id, phase, _actual, _base, _start, commitTime) => {
  const log = (window.__duetCommits ??= []);
  if (log.length < MAX_RECORDS) log.push({ id, phase, commitTime });
};

/** `node`, counted as region `id` in test builds. */
export function profiled(id: string, node: ReactNode): ReactNode {
  if (!ENABLED) return node;
  return (
    <Profiler id={id} onRender={record}>
      {node}
    </Profiler>
  );
}
