// @vitest-environment happy-dom
/**
 * The search worker waits for the app to settle: nothing starts while the first screen loads or someone
 * types, what the app posts meanwhile reaches the worker in order, and searching starts it at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferredWorker, SETTLE_MS, whenSettled } from '../../../../../renderer/features/search/deferredWorker';
import { SearchClient, type WorkerPort } from '../../../../../renderer/features/search/SearchClient';
import type { FromWorker, ToWorker } from '../../../../../renderer/features/search/searchProtocol';

function fakeWorker() {
  const received: ToWorker[] = [];
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  let terminated = false;
  const port: WorkerPort = {
    postMessage: (m) => received.push(m),
    addEventListener: (_t, l) => listeners.push(l),
    terminate: () => (terminated = true),
  };
  const start = vi.fn(() => port);
  const reply = (m: FromWorker) => listeners.forEach((l) => l({ data: m } as MessageEvent<FromWorker>));
  return { start, received, reply, isTerminated: () => terminated };
}

const open: ToWorker = { type: 'open', workspaceId: 'w', playbooks: [{ id: 'p1', title: 'Fleet' }] };
const edit: ToWorker = { type: 'update', docName: 'w/playbook/p1', update: new Uint8Array([1, 2]) };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback'] });
});
afterEach(() => vi.useRealTimers());

describe('starting the search worker', () => {
  it('waits until the page has settled, then hands over what was posted, in order', () => {
    const worker = fakeWorker();
    const port = deferredWorker(worker.start);
    const heard: FromWorker[] = [];
    port.addEventListener('message', (e) => heard.push(e.data));
    port.postMessage(open);
    port.postMessage(edit);
    vi.advanceTimersByTime(SETTLE_MS - 100);
    expect(worker.start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5200);
    expect(worker.start).toHaveBeenCalledTimes(1);
    expect(worker.received).toEqual([open, edit]);
    worker.reply({ type: 'status', status: { state: 'loading' } });
    expect(heard).toEqual([{ type: 'status', status: { state: 'loading' } }]);
  });

  it('keeps waiting while someone types', () => {
    const run = vi.fn();
    const stop = whenSettled(run);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(SETTLE_MS / 2);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SETTLE_MS + 5100);
    expect(run).toHaveBeenCalledTimes(1);
    stop();
  });

  it('starts at once when someone searches', () => {
    const worker = fakeWorker();
    const port = deferredWorker(worker.start);
    port.postMessage(open);
    port.postMessage({ type: 'query', id: 1, text: 'downtime' });
    expect(worker.start).toHaveBeenCalledTimes(1);
    expect(worker.received.map((m) => m.type)).toEqual(['open', 'query']);
  });

  it('starts at once when the palette opens (before anything is typed)', () => {
    const worker = fakeWorker();
    const port = deferredWorker(worker.start);
    port.postMessage(open);
    port.start?.();
    expect(worker.start).toHaveBeenCalledTimes(1);
    expect(worker.received).toEqual([open]);
  });

  it('never starts a worker for a workspace closed before it settled', () => {
    const worker = fakeWorker();
    const port = deferredWorker(worker.start);
    port.postMessage(open);
    port.terminate();
    vi.advanceTimersByTime(60_000);
    expect(worker.start).not.toHaveBeenCalled();
  });

  it('tells the worker when someone types in the editor, not in a field, at most every 250 ms', () => {
    const worker = fakeWorker();
    const client = new SearchClient(deferredWorker(worker.start), 'w', []);
    client.prepare();
    const stop = client.watchTyping(window);
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    const field = document.createElement('input');
    document.body.append(editor, field);
    const typingSent = () => worker.received.filter((m) => m.type === 'typing').length;
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(typingSent()).toBe(0);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true }));
    expect(typingSent()).toBe(1);
    stop();
    editor.remove();
    field.remove();
  });

  it('does not hand over typing from before the worker started', () => {
    const worker = fakeWorker();
    const port = deferredWorker(worker.start);
    port.postMessage(open);
    port.postMessage({ type: 'typing' });
    port.start?.();
    expect(worker.received).toEqual([open]);
  });
});
