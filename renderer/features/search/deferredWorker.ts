/**
 * Starting the search worker only once the app has settled: loading or building the index costs seconds of
 * CPU, and on a two-core machine that is taken from the first screen and from the person typing. Until it
 * starts, the port keeps what the app posts (the workspace, its playbooks, the edits of open documents) and
 * hands it over in order; a query — someone opened the palette and typed — starts it at once.
 */
import type { FromWorker, ToWorker } from './searchProtocol';
import type { WorkerPort } from './SearchClient';

/** Quiet needed after the last key or click before the worker starts. */
export const SETTLE_MS = 1500;
/** Posted edits kept while waiting; past this (a long typing session) the worker starts anyway. */
const MAX_WAITING = 2000;

/** The browser's idle callback (Safari has none: there, the next turn of the event loop). */
function onIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  // The timeout keeps a page that is never idle (a long animation) from never indexing.
  const handle = requestIdleCallback(run, { timeout: 5000 });
  return () => cancelIdleCallback(handle);
}

/** Calls `run` once the page has been free of input for `quietMs` and the browser reports idle time. */
export function whenSettled(run: () => void, quietMs = SETTLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelIdle: (() => void) | null = null;
  const events = ['keydown', 'pointerdown', 'wheel'] as const;
  const pending = (): void => {
    if (timer !== null) clearTimeout(timer);
    cancelIdle?.();
    timer = cancelIdle = null;
  };
  const stop = (): void => {
    pending();
    for (const type of events) window.removeEventListener(type, arm, true);
  };
  function arm(): void {
    pending();
    timer = setTimeout(() => {
      timer = null;
      cancelIdle = onIdle(() => {
        stop();
        run();
      });
    }, quietMs);
  }
  for (const type of events) window.addEventListener(type, arm, { capture: true, passive: true });
  arm();
  return stop;
}

/** A worker port whose worker starts when `settled` says so, or at the first query. */
export function deferredWorker(
  start: () => WorkerPort,
  settled: (run: () => void) => () => void = whenSettled,
): WorkerPort {
  let port: WorkerPort | null = null;
  let terminated = false;
  const waiting: ToWorker[] = [];
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  let stopWaiting = (): void => {};
  const begin = (): void => {
    if (port || terminated) return;
    stopWaiting();
    port = start();
    for (const listener of listeners) port.addEventListener('message', listener);
    for (const message of waiting.splice(0)) port.postMessage(message);
  };
  stopWaiting = settled(begin);
  return {
    postMessage(message) {
      if (port) return port.postMessage(message);
      // A worker not yet started is building nothing that typing should hold back.
      if (message.type === 'typing') return;
      waiting.push(message);
      if (message.type === 'query' || waiting.length > MAX_WAITING) begin();
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
      port?.addEventListener('message', listener);
    },
    start: begin,
    terminate() {
      terminated = true;
      stopWaiting();
      waiting.length = 0;
      port?.terminate();
    },
  };
}
