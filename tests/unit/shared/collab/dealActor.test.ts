// Who may change a deal, as the app decides it — the same rule the server enforces on the keys an update
// touches (tests/unit/server/dealAuthorship.test.ts): member ids where a server vouches, names only where
// none does, storytellers moderating, and old deals moved to the new layout only by a moderator.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addDeal,
  canEditDeal,
  legacyDealsMap,
  readDeal,
  removeDeal,
  updateDeal,
} from '../../../../shared/collab/notes';
import type { DealInput } from '../../../../shared/domain/deal';
import { dealInput } from './dealFixtures';

// The deal's narratives and note play no part in who may change it.
const input = (): DealInput => dealInput({ narratives: [], note: '' });

const ana = { author: 'Ana Ruiz', authorId: 'm-ana', now: 1 };
// Another member who happens to share Ana's display name.
const otherAna = { author: 'Ana Ruiz', authorId: 'm-ana-2', now: 2 };
const sam = { author: 'Sam', authorId: 'm-sam', moderator: true, now: 3 };

describe('who may change a deal', () => {
  it('records the member id and lets only that member edit, whatever the names', () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), ana, 'd1');
    const deal = readDeal(doc, 'd1')!;
    expect(deal.authorId).toBe('m-ana');
    expect(canEditDeal(deal, ana)).toBe(true);
    expect(canEditDeal(deal, otherAna)).toBe(false);
    expect(updateDeal(doc, 'd1', { amount: 1 }, otherAna)).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(removeDeal(doc, 'd1', otherAna)).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(readDeal(doc, 'd1')?.amount).toBe(48_000);
    expect(updateDeal(doc, 'd1', { amount: 1 }, ana).ok).toBe(true);
  });

  it('lets a storyteller moderate any deal, and keeps the author', () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), ana, 'd1');
    expect(canEditDeal(readDeal(doc, 'd1')!, sam)).toBe(true);
    expect(updateDeal(doc, 'd1', { note: 'fixed' }, sam).ok).toBe(true);
    expect(readDeal(doc, 'd1')).toMatchObject({ note: 'fixed', author: 'Ana Ruiz', authorId: 'm-ana' });
    expect(removeDeal(doc, 'd1', sam).ok).toBe(true);
  });

  it("treats deals without a member id as the storyteller's to change once a server vouches", () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), { author: 'Ana Ruiz', now: 1 }, 'local');
    const deal = readDeal(doc, 'local')!;
    expect(deal.authorId).toBeUndefined();
    expect(canEditDeal(deal, { author: 'Ana Ruiz' })).toBe(true); // a local workspace: the name is all there is
    expect(canEditDeal(deal, ana)).toBe(false);
    expect(canEditDeal(deal, sam)).toBe(true);
  });

  it('ignores an author id that is not an id (the deal counts as unowned)', () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), { author: 'Eve', authorId: 'not an id!', now: 1 }, 'd1');
    expect(readDeal(doc, 'd1')?.authorId).toBeUndefined();
  });

  it('moves old-layout deals only when a moderator (or nobody the server knows) writes', () => {
    const doc = new Y.Doc();
    const old = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ ...input(), author: 'Ben', createdAt: 1, updatedAt: 1 })) old.set(k, v);
    legacyDealsMap(doc).set('old', old);
    addDeal(doc, input(), ana, 'd1');
    expect(legacyDealsMap(doc).has('old')).toBe(true); // a sales member's write leaves them alone
    addDeal(doc, input(), sam, 'd2');
    expect(legacyDealsMap(doc).has('old')).toBe(false);
    expect(readDeal(doc, 'old')).toMatchObject({ author: 'Ben' });
  });
});
