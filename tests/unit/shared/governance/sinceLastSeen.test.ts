import { describe, expect, it } from 'vitest';
import {
  changesSinceSeen,
  seenSnapshotSchema,
  takeSnapshot,
  type SeenNarrative,
} from '../../../../shared/governance/sinceLastSeen';
import { activityPeople, buildActivity, filterActivity } from '../../../../shared/governance/activity';

const n = (hash: string, state: SeenNarrative['state'], title = hash): SeenNarrative => ({ hash, state, title });

describe('what changed since you last looked', () => {
  const seen = takeSnapshot(
    new Map([
      ['keep', n('h1', 'approved', 'Keep')],
      ['edit', n('h2', 'approved', 'Edit')],
      ['appr', n('h3', 'in-review', 'Approve me')],
      ['reti', n('h4', 'approved', 'Retire me')],
      ['gone', n('h5', 'draft', 'Gone')],
      ['reap', n('h6', 'changed', 'Re-approved')],
    ]),
    1000,
  );

  it('finds approved, rewritten, retired, added and removed narratives — and nothing else', () => {
    const now = new Map([
      ['keep', n('h1', 'approved', 'Keep')],
      ['edit', n('h2b', 'changed', 'Edit')],
      ['appr', n('h3', 'approved', 'Approve me')],
      ['reti', n('h4', 'retired', 'Retire me')],
      ['reap', n('h6b', 'approved', 'Re-approved')],
      ['new', n('h7', 'draft', 'New')],
    ]);
    expect(changesSinceSeen(seen, now).map((c) => [c.title, c.kinds])).toEqual([
      ['Edit', ['rewritten']],
      ['Approve me', ['approved']],
      ['Retire me', ['retired']],
      ['Re-approved', ['approved', 'rewritten']],
      ['New', ['added']],
      ['Gone', ['removed']],
    ]);
  });

  it('nothing changed: nothing to show', () => {
    expect(changesSinceSeen(seen, new Map(Object.entries(seen.narratives)))).toEqual([]);
  });

  it('a stored snapshot is validated: a tampered one is refused, a prototype key is not a narrative', () => {
    expect(
      seenSnapshotSchema.safeParse({ at: 1, narratives: { x: { hash: 'h', state: 'bogus', title: '' } } }).success,
    ).toBe(false);
    const odd = { at: 1, narratives: {} };
    expect(changesSinceSeen(odd, new Map([['constructor', n('h', 'draft')]]))).toEqual([
      { narrativeId: 'constructor', title: 'h', kinds: ['added'] },
    ]);
  });
});

describe('activity feed', () => {
  const entries = buildActivity(
    [
      {
        id: 'd1',
        narrativeId: 'n1',
        kind: 'approve',
        hash: 'a'.repeat(64),
        title: 'Pos',
        by: 'Sam',
        at: 30,
        comment: '',
        reviewBy: '',
      },
      {
        id: 'd2',
        narrativeId: 'n2',
        kind: 'send-back',
        hash: 'a'.repeat(64),
        title: 'ROI',
        by: 'Sam',
        at: 40,
        comment: 'Cite it',
        reviewBy: '',
      },
    ],
    [{ id: 'w1', narrativeId: 'n1', kind: 'request', title: 'Pos', by: 'Mo', at: 10, note: 'Ready' }],
    [
      {
        id: 'v1',
        name: 'Restored “Pos”',
        note: '',
        author: 'Mo',
        createdAt: 50,
        kind: 'restore',
        changed: [],
        removed: [],
        narrativeCount: 2,
      },
      {
        id: 'v0',
        name: 'Daily',
        note: '',
        author: 'Mo',
        createdAt: 5,
        kind: 'daily',
        changed: [],
        removed: [],
        narrativeCount: 2,
      },
    ],
  );

  it('is built from the records, newest first; ordinary versions are not activity', () => {
    expect(entries.map((e) => [e.kind, e.by, e.title])).toEqual([
      ['restored', 'Mo', 'Restored “Pos”'],
      ['sent-back', 'Sam', 'ROI'],
      ['approved', 'Sam', 'Pos'],
      ['requested', 'Mo', 'Pos'],
    ]);
    expect(entries[1]?.note).toBe('Cite it');
  });

  it('filters by person and by kind', () => {
    expect(activityPeople(entries)).toEqual(['Mo', 'Sam']);
    expect(filterActivity(entries, { person: 'Sam', kind: '' }).map((e) => e.id)).toEqual(['d2', 'd1']);
    expect(filterActivity(entries, { person: '', kind: 'requested' }).map((e) => e.id)).toEqual(['w1']);
    expect(filterActivity(entries, { person: 'Mo', kind: 'approved' })).toEqual([]);
  });
});
