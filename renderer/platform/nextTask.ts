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
