import { describe, expect, it } from 'vitest';
import { QuietCompaction } from '@shared/collab/QuietCompaction';

/** A hand-driven clock and timer list, so the policy is checked at exact moments. */
function harness(every = 10, quietMs = 100, latestAfter = 40) {
  let now = 0;
  let timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  let compactions = 0;
  const policy = new QuietCompaction({
    every,
    quietMs,
    latestAfter,
    compact: () => compactions++,
    startTimer: (run, ms) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    now: () => now,
  });
  return {
    policy,
    compactions: () => compactions,
    liveTimers: () => timers.filter((t) => !t.cancelled).length,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        due.cancelled = true;
        due.run();
      }
      now = until;
      timers = timers.filter((t) => !t.cancelled);
    },
  };
}

describe('QuietCompaction (when a document log is merged, server and app alike)', () => {
  it('does nothing before `every` appends, however quiet the document is', () => {
    const h = harness();
    for (let n = 1; n < 10; n++) h.policy.appended(n);
    h.advance(10_000);
    expect(h.compactions()).toBe(0);
    expect(h.liveTimers()).toBe(0);
  });

  it('compacts once the document has been quiet for quietMs after the log grew long', () => {
    const h = harness();
    h.policy.appended(10);
    expect(h.policy.waiting).toBe(true);
    h.advance(99);
    expect(h.compactions()).toBe(0);
    h.advance(1);
    expect(h.compactions()).toBe(1);
    expect(h.policy.waiting).toBe(false);
  });

  it('waits while someone keeps typing, with one timer rather than one per keystroke', () => {
    const h = harness();
    h.policy.appended(10);
    for (let i = 0; i < 50; i++) {
      h.advance(20);
      h.policy.activity();
      expect(h.liveTimers()).toBeLessThanOrEqual(1);
    }
    expect(h.compactions()).toBe(0);
    h.advance(100);
    expect(h.compactions()).toBe(1);
  });

  it('compacts at once after latestAfter appends, even in the middle of a burst', () => {
    const h = harness();
    for (let n = 10; n < 40; n++) {
      h.policy.appended(n);
      h.advance(5);
    }
    expect(h.compactions()).toBe(0);
    h.policy.appended(40);
    expect(h.compactions()).toBe(1);
    h.advance(1_000); // the quiet wait was cancelled: no second compaction for the same log
    expect(h.compactions()).toBe(1);
  });

  it('a disposed schedule never compacts', () => {
    const h = harness();
    h.policy.appended(10);
    h.policy.dispose();
    h.advance(1_000);
    expect(h.compactions()).toBe(0);
  });
});
