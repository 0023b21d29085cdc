import { describe, expect, it } from 'vitest';
import { nextTask, scheduleTask } from '../../../../renderer/platform/nextTask';

describe('nextTask / scheduleTask (how long jobs let the window breathe)', () => {
  it('runs the task later, after the current task and its microtasks', async () => {
    const order: string[] = [];
    scheduleTask(() => order.push('task'));
    await Promise.resolve();
    order.push('microtask');
    expect(order).toEqual(['microtask']);
    await nextTask();
    expect(order).toEqual(['microtask', 'task']);
  });

  it('a cancelled task never runs', async () => {
    let ran = false;
    const cancel = scheduleTask(() => (ran = true));
    cancel();
    await nextTask();
    await nextTask();
    expect(ran).toBe(false);
  });

  it('with a delay it waits at least that long, and can be cancelled too', async () => {
    const started = performance.now();
    await new Promise<void>((resolve) => scheduleTask(resolve, 30));
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    let ran = false;
    scheduleTask(() => (ran = true), 5)();
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(false);
  });
});
