import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncApplyQueue } from '../../../../renderer/collab/SyncApplyQueue';

/** Updates that each set one key of 'm' to a string of `size` characters, written in order. */
function updates(count: number, size: number): Uint8Array[] {
  const source = new Y.Doc();
  const out: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) source.getMap('m').set(`k${i}`, `${i % 10}`.repeat(size));
  return out;
}

/** A yield the test controls: each call is one task boundary, released by `release()`. */
function tasks(): { yieldNow: () => Promise<void>; boundaries: () => number; releaseAll: () => Promise<void> } {
  const waiting: (() => void)[] = [];
  let count = 0;
  return {
    yieldNow: () =>
      new Promise<void>((resolve) => {
        count++;
        waiting.push(resolve);
      }),
    boundaries: () => count,
    async releaseAll() {
      for (let round = 0; round < 100; round++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const next = waiting.shift();
        if (next === undefined) return;
        next();
      }
    },
  };
}

describe('SyncApplyQueue', () => {
  it('applies many updates arriving in one task over several tasks, in order, calling back after each', async () => {
    const doc = new Y.Doc();
    const task = tasks();
    const queue = new SyncApplyQueue(doc, 'server', {
      yieldNow: task.yieldNow,
      sliceBytes: 1_000,
      now: () => 0,
      onUnapplied: (error) => {
        throw error;
      },
    });
    const order: number[] = [];
    const parts = updates(6, 400);
    // All six arrive in one task: only the first two (800 bytes) fit the task's 1,000.
    parts.forEach((update, i) => queue.apply(update, () => order.push(i)));
    expect(order).toEqual([0, 1]);
    expect([...doc.getMap('m').keys()].sort()).toEqual(['k0', 'k1']);

    await task.releaseAll();
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(doc.getMap('m').size).toBe(6);
    expect(task.boundaries()).toBeGreaterThanOrEqual(4);
  });

  it('applies a lone small update at once, and again at once in a later task', async () => {
    const doc = new Y.Doc();
    const task = tasks();
    const queue = new SyncApplyQueue(doc, 'server', {
      yieldNow: task.yieldNow,
      sliceBytes: 1_000,
      onUnapplied: () => {},
    });
    const [first, second] = updates(2, 600);
    queue.apply(first!);
    expect(doc.getMap('m').size).toBe(1);
    await Promise.resolve(); // the task ends
    queue.apply(second!);
    expect(doc.getMap('m').size).toBe(2);
    expect(task.boundaries()).toBe(0);
  });

  it('stops applying at once when the task has used its time, and reports an update that does not apply', async () => {
    const doc = new Y.Doc();
    const task = tasks();
    let clock = 0;
    const unapplied: unknown[] = [];
    const queue = new SyncApplyQueue(doc, 'server', {
      yieldNow: task.yieldNow,
      sliceBytes: 1_000_000,
      budgetMs: 10,
      now: () => clock,
      onUnapplied: (error) => unapplied.push(error),
    });
    const [first, second] = updates(2, 10);
    let done = 0;
    queue.apply(new Uint8Array([255, 255, 255]), () => done++);
    clock = 20; // the bad update took the task's time
    queue.apply(first!, () => done++);
    queue.apply(second!, () => done++);
    expect(unapplied).toHaveLength(1);
    expect(doc.getMap('m').size).toBe(0);
    await task.releaseAll();
    expect(done).toBe(3);
    expect(doc.getMap('m').size).toBe(2);
  });
});
