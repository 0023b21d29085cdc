/**
 * The review's deal log stays equal to a full read of the document through every kind of change — local
 * edits, imports, removals, a peer's update — while re-reading only the deals a change touched and keeping
 * the objects of the others (what the notes search index relies on).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addDeal, importDeals, readDeals, removeDeal, updateDeal } from '../../../../../shared/collab/notes';
import type { DealEntry, DealInput } from '../../../../../shared/domain/deal';
import { LiveDeals, type Scheduler } from '../../../../../renderer/features/notes/LiveDeals';
import { compareDeals } from '../../../../../shared/domain/dealOrder';
import { replacementOf } from '../../../../../shared/collab/dealLineage';

const ana = { author: 'Ana', now: 1_000 };

function input(i: number, extra: Partial<DealInput> = {}): DealInput {
  return {
    account: `Account ${i}`,
    dealName: '',
    crmId: `C-${i}`,
    amount: 1_000 + i,
    currency: 'EUR',
    stage: 'decision',
    persona: i % 2 ? 'CFO' : 'COO',
    outcome: i % 3 ? 'won' : 'lost-competitor',
    competitor: i % 4 ? 'Geotab' : '',
    closeDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
    narratives: [{ narrativeId: `n${i % 5}`, reception: 'neutral' }],
    note: `Note ${i}`,
    perspective: 'rep',
    ...extra,
  };
}

/** A notes document holding `count` imported deals (inputs 0 … count-1). */
function docOf(count: number): Y.Doc {
  const doc = new Y.Doc();
  importDeals(
    doc,
    Array.from({ length: count }, (_, i) => input(i)),
    ana,
  );
  return doc;
}

/** A scheduler the test runs by hand, so the first read's slices are observable. */
function manualScheduler(): { schedule: Scheduler; runAll: () => number } {
  const queue: (() => void)[] = [];
  return {
    schedule: (task) => {
      queue.push(task);
      return () => queue.splice(queue.indexOf(task), 1);
    },
    runAll: () => {
      let ran = 0;
      while (queue.length > 0) {
        queue.shift()!();
        ran++;
      }
      return ran;
    },
  };
}

const sync: Scheduler = (task) => {
  task();
  return () => undefined;
};

/** The order the log promises, applied to a full read (readDeals breaks ties differently). */
const fullRead = (doc: Y.Doc): DealEntry[] => readDeals(doc).sort(compareDeals);

/**
 * A log of 2,500 deals (above the coalescing threshold), read to the end by a LiveDeals run by hand, on a
 * clock that moves only when the test says (`clock.ms`): its coalescing window (250 ms here) never closes
 * by itself on a slow machine.
 */
function readLargeLog(): { doc: Y.Doc; live: LiveDeals; runAll: () => number; clock: { ms: number } } {
  const doc = docOf(2_500);
  const { schedule, runAll } = manualScheduler();
  const clock = { ms: 1_000 };
  const live = new LiveDeals(doc, schedule, 5_000, () => clock.ms);
  runAll();
  return { doc, live, runAll, clock };
}

describe('LiveDeals', () => {
  it('reads a large log in slices that yield, reporting progress, and publishes it once complete', () => {
    const doc = docOf(1_200);
    const { schedule, runAll } = manualScheduler();
    const live = new LiveDeals(doc, schedule, 500);
    const progress: number[] = [];
    live.subscribe(() => progress.push(live.getSnapshot().read));
    // Nothing read yet: the constructor runs inside a React effect, and reading waits for tasks of its own.
    expect(live.getSnapshot()).toMatchObject({ complete: false, read: 0, total: 1_200, deals: [] });
    // The field index, three slices (500 → 1,000 → 1,200), the sort, the publish: each a task of its own.
    expect(runAll()).toBe(6);
    expect(progress).toEqual([500, 1_000, 1_200]);
    expect(live.getSnapshot().complete).toBe(true);
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    live.dispose();
  });

  it('says which log an edit in place was made from (the review patches its figures), and not for a move', () => {
    const doc = docOf(40);
    const live = new LiveDeals(doc, sync);
    const first = live.getSnapshot().deals;
    const target = first[7]!;
    updateDeal(doc, target.id, { outcome: 'lost-no-decision', note: 'Budget frozen' }, { author: 'Ana', now: 2_000 });
    const second = live.getSnapshot().deals;
    const made = replacementOf(second)!;
    expect(made.previous).toBe(first);
    expect(made.changes).toHaveLength(1);
    expect(made.changes[0]!.before).toBe(target);
    expect(made.changes[0]!.after).toBe(second[7]);
    expect(second[7]).toMatchObject({ id: target.id, outcome: 'lost-no-decision', note: 'Budget frozen' });
    // A new close date moves the deal in the log: not an edit in place, so nothing is patched from before.
    updateDeal(doc, target.id, { closeDate: '2030-01-01' }, { author: 'Ana', now: 3_000 });
    expect(live.getSnapshot().deals[0]!.id).toBe(target.id);
    expect(replacementOf(live.getSnapshot().deals)).toBeUndefined();
    // Nor is a new deal.
    addDeal(doc, input(99), ana);
    expect(replacementOf(live.getSnapshot().deals)).toBeUndefined();
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    live.dispose();
  });

  it('publishes a change made between the final sort and the publish in its place', () => {
    const doc = docOf(30);
    const queue: (() => void)[] = [];
    const live = new LiveDeals(doc, (task) => (queue.push(task), () => undefined), 10);
    // The index and three slices; the next task is the sort, then the publish.
    for (let i = 0; i < 4; i++) queue.shift()!();
    queue.shift()!(); // sorted
    const moved = readDeals(doc).find((d) => d.account === 'Account 3')!;
    updateDeal(doc, moved.id, { closeDate: '2030-01-01' }, { author: 'Ana', now: 2_000 });
    queue.shift()!(); // published
    expect(queue).toEqual([]);
    expect(live.getSnapshot().complete).toBe(true);
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    expect(live.getSnapshot().deals[0]!.id).toBe(moved.id);
    live.dispose();
  });

  it('reads a log of one slice at once, without a task (no progress state in between)', () => {
    const doc = docOf(40);
    const { schedule, runAll } = manualScheduler();
    const live = new LiveDeals(doc, schedule, 500);
    expect(live.getSnapshot()).toMatchObject({ complete: true, read: 40, total: 40 });
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    expect(runAll()).toBe(0);
    live.dispose();
  });

  it('keeps up with changes made while the first read is still going on', () => {
    const doc = docOf(30);
    const { schedule, runAll } = manualScheduler();
    const live = new LiveDeals(doc, schedule, 10);
    const first = live.getSnapshot().deals;
    expect(first).toEqual([]);
    const early = readDeals(doc).find((d) => d.account === 'Account 0')!;
    updateDeal(doc, early.id, { note: 'Changed during the read' }, { author: 'Ana', now: 2_000 });
    addDeal(doc, input(99), ana);
    runAll();
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    expect(live.getSnapshot().deals.find((d) => d.id === early.id)!.note).toBe('Changed during the read');
    live.dispose();
  });

  it('keeps every field of a deal, the version each narrative counted for included', () => {
    const doc = new Y.Doc();
    const stamped = input(1, { narratives: [{ narrativeId: 'n1', reception: 'neutral', versionId: 'v-abc' }] });
    expect(addDeal(doc, stamped, ana).ok).toBe(true);
    expect(addDeal(doc, input(2), ana).ok).toBe(true);
    const live = new LiveDeals(doc, sync);
    const deals = live.getSnapshot().deals;
    // toStrictEqual: a field the compact copy dropped would fail here, not pass as undefined.
    expect(deals).toStrictEqual(JSON.parse(JSON.stringify(fullRead(doc))));
    expect(deals.find((d) => d.account === 'Account 1')!.narratives[0]!.versionId).toBe('v-abc');
    live.dispose();
  });

  it('gathers the changes to a large log into one publish while they keep coming (an import)', () => {
    const { doc, live, runAll } = readLargeLog();
    const published: number[] = [];
    live.subscribe(() => published.push(live.getSnapshot().deals.length));
    importDeals(doc, [input(9_001)], ana);
    importDeals(doc, [input(9_002)], ana);
    // Waiting for the scheduled publish: the log says it is behind, with the deals it had.
    expect(published).toEqual([2_500]);
    expect(live.getSnapshot().current).toBe(false);
    runAll();
    expect(published).toEqual([2_500, 2_502]); // both batches in one publish
    expect(live.getSnapshot().current).toBe(true);
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    live.dispose();
  });

  it('publishes one person’s edit to a large log at once, in one publish, after a quiet moment', () => {
    const { doc, live, runAll, clock } = readLargeLog();
    const before = live.getSnapshot().deals;
    const seen: { length: number; current: boolean }[] = [];
    live.subscribe(() => seen.push({ length: live.getSnapshot().deals.length, current: live.getSnapshot().current }));
    clock.ms += 250; // the window (2,500 deals / 10 ms) since the first read's publish is over
    const target = before[100]!;
    updateDeal(doc, target.id, { note: 'Called back, decision next week' }, { author: 'Ana', now: 5_000 });
    // In the edit's own turn, like a small log's: no "behind" publish first, no task to wait for.
    expect(seen).toEqual([{ length: 2_500, current: true }]);
    expect(live.getSnapshot().deals.find((d) => d.id === target.id)!.note).toBe('Called back, decision next week');
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    // A second edit inside the window that publish opened waits for it, as a burst does.
    updateDeal(doc, target.id, { note: 'Second call' }, { author: 'Ana', now: 5_001 });
    expect(live.getSnapshot().current).toBe(false);
    expect(runAll()).toBe(1);
    expect(live.getSnapshot()).toMatchObject({ current: true });
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    live.dispose();
  });

  it('reads a large batch after a quiet moment in slices, not in the change’s turn', () => {
    const { doc, live, runAll, clock } = readLargeLog();
    clock.ms += 10_000;
    importDeals(
      doc,
      Array.from({ length: 300 }, (_, i) => input(9_000 + i)),
      ana,
    );
    expect(live.getSnapshot()).toMatchObject({ current: false, read: 2_500 });
    runAll();
    expect(live.getSnapshot()).toMatchObject({ current: true, read: 2_800 });
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    live.dispose();
  });

  it('reads waiting changes at once when asked (a device that has just received the team’s log)', () => {
    const { doc, live, runAll } = readLargeLog();
    expect(live.getSnapshot().current).toBe(true);
    importDeals(
      doc,
      Array.from({ length: 300 }, (_, i) => input(9_000 + i)),
      ana,
    );
    expect(live.getSnapshot()).toMatchObject({ current: false, read: 2_500 });
    live.catchUp(); // no waiting for the coalescing delay: nothing else is run
    expect(live.getSnapshot()).toMatchObject({ current: true, read: 2_800 });
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    expect(runAll()).toBe(0); // the delayed publish was cancelled
    live.dispose();
  });

  it('moves a few changed deals of a large log into place without re-reading the others', () => {
    const { doc, live, runAll } = readLargeLog();
    const before = live.getSnapshot().deals;
    const [edited, moved, removed] = [before[10]!, before[2_000]!, before[1_200]!];
    doc.transact(() => {
      updateDeal(doc, edited.id, { note: 'Same place, new words' }, { author: 'Ana', now: 4_000 });
      updateDeal(doc, moved.id, { closeDate: '2027-03-01' }, { author: 'Ana', now: 4_000 });
      removeDeal(doc, removed.id, ana);
    });
    addDeal(doc, input(9_500, { closeDate: '2025-12-31' }), ana);
    runAll();
    const after = live.getSnapshot().deals;
    expect(after).toEqual(fullRead(doc));
    expect(after).toHaveLength(2_500);
    expect(after[0]!.id).toBe(moved.id);
    expect(after.find((d) => d.id === edited.id)!.note).toBe('Same place, new words');
    expect(after.some((d) => d.id === removed.id)).toBe(false);
    // Every deal the change did not touch is the very same object, so nothing else is re-derived for it.
    expect(after.filter((d) => before.includes(d))).toHaveLength(2_497);
    live.dispose();
  });

  it('re-reads only the changed deal, keeps every other deal object and the order', () => {
    const doc = new Y.Doc();
    const added = Array.from({ length: 50 }, (_, i) => addDeal(doc, input(i), ana));
    const live = new LiveDeals(doc, sync);
    const before = live.getSnapshot().deals;
    const target = added[7]!;
    if (!target.ok) throw new Error('setup');
    updateDeal(
      doc,
      target.value.id,
      { closeDate: '2027-01-01', note: 'Moved to next year' },
      { author: 'Ana', now: 3_000 },
    );
    const after = live.getSnapshot().deals;
    expect(after).not.toBe(before);
    expect(after).toEqual(fullRead(doc));
    expect(after[0]!.id).toBe(target.value.id); // newest close date first
    const kept = after.filter((d) => before.includes(d));
    expect(kept).toHaveLength(49); // every other deal is the very same object
    live.dispose();
  });

  it('follows additions, removals, a bulk import and a peer’s update', () => {
    const doc = new Y.Doc();
    const live = new LiveDeals(doc, sync);
    expect(live.getSnapshot()).toMatchObject({ complete: true, deals: [] });
    const one = addDeal(doc, input(1), ana);
    expect(live.getSnapshot().deals.map((d) => d.account)).toEqual(['Account 1']);
    importDeals(
      doc,
      Array.from({ length: 400 }, (_, i) => input(i + 10)),
      ana,
    );
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    if (!one.ok) throw new Error('setup');
    removeDeal(doc, one.value.id, ana);
    expect(live.getSnapshot().deals.some((d) => d.id === one.value.id)).toBe(false);
    expect(live.getSnapshot().deals).toHaveLength(400);

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const theirs = readDeals(peer)[5]!;
    updateDeal(peer, theirs.id, { outcome: 'lost-no-decision' }, { author: 'Ana', now: 9_000 });
    addDeal(peer, input(1_000, { account: 'From the peer' }), { author: 'Ben', now: 9_000 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    const deals = live.getSnapshot().deals;
    expect(deals).toEqual(fullRead(doc));
    expect(deals.find((d) => d.id === theirs.id)!.outcome).toBe('lost-no-decision');
    expect(deals.some((d) => d.account === 'From the peer')).toBe(true);
    live.dispose();
  });

  it('skips an entry a hostile peer wrote, as a full read does', () => {
    const doc = new Y.Doc();
    const live = new LiveDeals(doc, sync);
    addDeal(doc, input(1), ana);
    doc.getMap('deals').set('bad-entry', new Y.Map());
    expect(live.getSnapshot().deals).toEqual(fullRead(doc));
    expect(live.getSnapshot().deals).toHaveLength(1);
    live.dispose();
  });

  it('stops listening when disposed (no slice runs, no change is published)', () => {
    const doc = docOf(30);
    const { schedule, runAll } = manualScheduler();
    const live = new LiveDeals(doc, schedule, 10);
    let calls = 0;
    live.subscribe(() => calls++);
    live.dispose();
    expect(runAll()).toBe(0);
    addDeal(doc, input(77), ana);
    expect(calls).toBe(0);
  });
});
