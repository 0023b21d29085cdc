import { describe, expect, it, vi } from 'vitest';
import type { DealEntry } from '../../../../../shared/domain/deal';
import { buildVersionReview } from '../../../../../shared/stats/versionReview';
import { dealInput } from '../../../shared/collab/dealFixtures';

// Counts the tables made, so a test can tell a warmed table from one made on the review's render.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../../shared/stats/versionReview', async (original) => {
  const real = await original<typeof import('../../../../../shared/stats/versionReview')>();
  return {
    ...real,
    buildVersionReview: (...args: Parameters<typeof real.buildVersionReview>) => (
      built.count++,
      real.buildVersionReview(...args)
    ),
  };
});
import { versionReviewOf, warmVersionReviews } from '../../../../../renderer/features/versions/versionReviewOf';
import { replacedInLists } from '../../../../../renderer/features/review/dealMemo';
import { version } from '../../../shared/versions/versionMeta';

function deal(i: number, narrativeId: string, closeDate: string, outcome: DealEntry['outcome']): DealEntry {
  const input = dealInput({
    account: `Account ${i}`,
    outcome,
    closeDate,
    narratives: [{ narrativeId, reception: 'neutral' }],
  });
  return { ...input, id: `d${i}`, author: 'Ana', createdAt: i, updatedAt: i };
}

const versions = [
  version('v-a', Date.parse('2026-03-01'), ['n1', 'n2']),
  version('v-b', Date.parse('2026-06-01'), ['n1']),
];
const n1 = [
  deal(1, 'n1', '2026-02-10', 'won'),
  deal(2, 'n1', '2026-04-10', 'lost-competitor'),
  deal(3, 'n1', '2026-07-10', 'won'),
];
const n2 = [deal(4, 'n2', '2026-07-11', 'lost-no-decision')];

describe('versionReviewOf', () => {
  it('gives the table buildVersionReview gives, made once while the deals and versions are the same', () => {
    const first = versionReviewOf('n1', n1, versions);
    expect(first).toEqual(buildVersionReview('n1', n1, versions));
    expect(first.rows.map((r) => [r.label, r.deals])).toEqual([
      ['Before versions', 1],
      ['v1', 1],
      ['v2', 1],
    ]);
    expect(versionReviewOf('n1', n1, versions)).toBe(first);
  });

  it('makes a new table when a version is saved or the deals change', () => {
    const before = versionReviewOf('n1', n1, versions);
    const saved = [...versions, version('v-c', Date.parse('2026-07-01'), ['n1'])];
    const after = versionReviewOf('n1', n1, saved);
    expect(after).not.toBe(before);
    expect(after.rows.at(-1)).toMatchObject({ label: 'v3', deals: 1, won: 1 });
    const logged = [...n1, deal(5, 'n1', '2026-07-20', 'lost-competitor')];
    expect(versionReviewOf('n1', logged, saved).rows.at(-1)).toMatchObject({ label: 'v3', deals: 2 });
  });

  it('patches the table of a narrative whose deals were edited in place in the review’s lists, making none', () => {
    const lists = new Map([['n1', [...n1]]]);
    const table = versionReviewOf('n1', lists.get('n1')!, versions);
    const before = lists.get('n1')![1]!;
    const after = { ...before, outcome: 'won' as const };
    // What the review's per-narrative lists do with one person's edit (dealMemo.ts).
    const edited = replacedInLists(lists, [{ before, after }], (d) => d.narratives.map((u) => u.narrativeId))!;
    const afresh = buildVersionReview('n1', edited.get('n1')!, versions);
    const madeBefore = built.count;
    const patched = versionReviewOf('n1', edited.get('n1')!, versions);
    expect(built.count).toBe(madeBefore);
    expect(patched).toEqual(afresh);
    expect(patched.rows[1]).toMatchObject({ label: 'v1', won: 1, lostCompetitor: 0 });
    expect(table.rows[1]).toMatchObject({ label: 'v1', won: 0, lostCompetitor: 1 });
    // With no table made for the list before, the edited list's table is made afresh.
    const unseen = replacedInLists(new Map([['n1', [...n1]]]), [{ before, after }], () => ['n1'])!;
    expect(versionReviewOf('n1', unseen.get('n1')!, versions)).toEqual(patched);
    expect(built.count).toBe(madeBefore + 1);
  });

  it('warms one narrative per task with the arrays the review will pass, and stops when cancelled', () => {
    const byNarrative = new Map([
      ['n1', [...n1]],
      ['n2', [...n2]],
    ]);
    const tasks: (() => void)[] = [];
    const schedule = (task: () => void) => (tasks.push(task), () => undefined);
    warmVersionReviews(['n1', 'n2', 'n3'], (id) => byNarrative.get(id) ?? [], versions, schedule);
    expect(tasks).toHaveLength(1);
    const madeBefore = built.count;
    tasks.shift()!();
    expect(built.count).toBe(madeBefore + 1);
    tasks.shift()!();
    tasks.shift()!(); // n3 has no deals: nothing to make
    expect(tasks).toHaveLength(0);
    expect(built.count).toBe(madeBefore + 2);
    // The review's render then makes nothing: both tables are there.
    const n1Table = versionReviewOf('n1', byNarrative.get('n1')!, versions);
    expect(versionReviewOf('n2', byNarrative.get('n2')!, versions).rows[0]).toMatchObject({ label: 'v1', deals: 1 });
    expect(n1Table.rows).toHaveLength(3);
    expect(built.count).toBe(madeBefore + 2);

    const cancelled: string[] = [];
    const pending: (() => void)[] = [];
    const cancel = warmVersionReviews(
      ['n1', 'n2'],
      (id) => (cancelled.push(id), []),
      versions,
      (task) => {
        pending.push(task);
        return () => pending.splice(pending.indexOf(task), 1);
      },
    );
    cancel();
    expect(pending).toHaveLength(0);
    expect(cancelled).toEqual([]);
  });
});
