import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startSearchWorkerWhenIdle,
  WORKER_START_DELAY_MS,
  type WorkerPort,
} from '../../../../../renderer/features/search/SearchClient';
import type { FromWorker, ToWorker } from '../../../../../renderer/features/search/searchProtocol';

/** A stand-in worker that records what it was sent. */
function fakeWorker() {
  const sent: ToWorker[] = [];
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  const port: WorkerPort = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (_type, listener) => void listeners.push(listener),
    terminate: vi.fn(),
  };
  return { port, sent, listeners };
}

describe('the search worker starts after the first screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Node has no idle callbacks: an idle moment comes right away, as on an idle page.
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 0) as unknown as number);
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('does not start while the workspace opens, then delivers every message in order', () => {
    const worker = fakeWorker();
    const start = vi.fn(() => worker.port);
    const port = startSearchWorkerWhenIdle(start);
    const listener = vi.fn();
    port.addEventListener('message', listener);
    port.postMessage({ type: 'open', workspaceId: 'w', playbooks: [] });
    port.postMessage({ type: 'playbooks', playbooks: [{ id: 'p', title: 'Pitch' }] });
    vi.advanceTimersByTime(WORKER_START_DELAY_MS - 1);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(1); // the idle moment
    expect(start).toHaveBeenCalledOnce();
    expect(worker.sent.map((m) => m.type)).toEqual(['open', 'playbooks']);
    expect(worker.listeners).toEqual([listener]);
    port.postMessage({ type: 'query', id: 1, text: 'uptime' });
    expect(worker.sent.map((m) => m.type)).toEqual(['open', 'playbooks', 'query']);
  });

  it('starts at once when someone searches before it started', () => {
    const worker = fakeWorker();
    const start = vi.fn(() => worker.port);
    const port = startSearchWorkerWhenIdle(start);
    port.postMessage({ type: 'open', workspaceId: 'w', playbooks: [] });
    port.postMessage({ type: 'query', id: 1, text: 'uptime' });
    expect(start).toHaveBeenCalledOnce();
    expect(worker.sent.map((m) => m.type)).toEqual(['open', 'query']);
    vi.advanceTimersByTime(WORKER_START_DELAY_MS * 3);
    expect(start).toHaveBeenCalledOnce();
  });

  it('never starts a worker for a workspace closed before it was needed', () => {
    const start = vi.fn(() => fakeWorker().port);
    const port = startSearchWorkerWhenIdle(start);
    port.terminate();
    vi.advanceTimersByTime(WORKER_START_DELAY_MS * 3);
    expect(start).not.toHaveBeenCalled();
  });
});
