/**
 * Running something in a new macrotask — the one way the renderer's long jobs (reading 20,000 deals,
 * applying a 23 MB stored log, a CSV import) let input, React renders and paints go first between slices.
 *
 * A message to oneself rather than `setTimeout(0)`: chained timers are clamped to 4 ms each, which over the
 * forty slices of a 20,000-deal read added ~160 ms for nothing. Not `scheduler.yield()` either: its
 * continuation is served before other tasks, so React's render of a progress bar would wait until the end.
 * Works in windows and workers alike.
 */

/** Runs `task` in a new macrotask, or at least `delayMs` later; returns a canceller. */
export function scheduleTask(task: () => void, delayMs = 0): () => void {
  if (delayMs > 0) {
    const timer = setTimeout(task, delayMs);
    return () => clearTimeout(timer);
  }
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) task();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/** Resolves in a new macrotask, after whatever the browser has queued meanwhile. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => scheduleTask(resolve));
}

/** Runs a task later; returns a canceller (`scheduleTask`, or a test's hand-run queue). */
export type TaskScheduler = (task: () => void) => () => void;

/**
 * Runs `task` on a timer: for background work nobody waits for (warming what a screen will ask for). Chained
 * timers are clamped to 4 ms each, which here is the point: the frame an interaction is waiting for paints
 * between them. Warming the review after an edit in message tasks (`scheduleTask`) ran its steps back to
 * back ahead of that frame: with 20,000 deals the edited figure showed 60–80 ms after Save (3 runs of
 * reviewAtScale.spec.ts), on timers 34–62 ms (10 runs, most under 50).
 */
export const timerTask: TaskScheduler = (task) => {
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
};

/**
 * Runs `steps` in order, one per task (`schedule`), then `onDone` in the last step's task. For background
 * work cut into pieces that each stay well under a frame's budget; returns a canceller (call it when what the
 * steps work on changes before they are done — then `onDone` never runs).
 */
export function runInTasks(
  steps: readonly (() => void)[],
  schedule: TaskScheduler = timerTask,
  onDone?: () => void,
): () => void {
  let cancel = (): void => undefined;
  const next = (i: number): void => {
    if (i >= steps.length) return onDone?.();
    cancel = schedule(() => {
      steps[i]!();
      next(i + 1);
    });
  };
  next(0);
  return () => cancel();
}
