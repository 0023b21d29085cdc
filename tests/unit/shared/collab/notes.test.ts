import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { DealInput } from '../../../../shared/domain/deal';
import { dealInput } from './dealFixtures';
import { LiveDeals } from '../../../../renderer/features/notes/LiveDeals';
import { addAnchoredNote, observeAnchoredNotes, readAnchoredNotes } from '../../../../shared/collab/anchoredNotes';
import {
  addDeal,
  canEditDeal,
  dealEntriesMap,
  importDeals,
  readDeal,
  readDealHistory,
  readDeals,
  removeDeal,
  updateDeal,
} from '../../../../shared/collab/notes';

const ana = { author: 'Ana', now: 1_000 };
const ben = { author: 'Ben', now: 2_000 };

const input = dealInput;

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the deal log in the notes document', () => {
  it('stores a deal with its author and reads it back', () => {
    const doc = new Y.Doc();
    const added = addDeal(doc, input(), ana, 'd1');
    expect(added.ok).toBe(true);
    expect(readDeals(doc)).toEqual([{ id: 'd1', ...input(), author: 'Ana', createdAt: 1000, updatedAt: 1000 }]);
  });

  it('refuses invalid input and writes nothing', () => {
    const doc = new Y.Doc();
    const cases: [Partial<DealInput>, RegExp][] = [
      [{ account: '' }, /account/],
      [{ amount: -5 }, /negative/],
      [{ amount: Number.NaN }, /amount/],
      [{ currency: 'euro' }, /currency/],
      [{ closeDate: '2026-02-30' }, /yyyy-mm-dd/],
      [{ closeDate: '14/05/2026' }, /yyyy-mm-dd/],
      [{ note: 'x'.repeat(5001) }, /5000/],
      [{ narratives: [{ narrativeId: '../x', reception: 'neutral' }] }, /narrative/],
    ];
    for (const [patch, message] of cases) {
      const result = addDeal(doc, input(patch), ana);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(dealEntriesMap(doc).size).toBe(0);
  });

  it('keeps formula-looking text and __proto__ as plain text', () => {
    const doc = new Y.Doc();
    addDeal(doc, input({ account: '=HYPERLINK("http://evil")', note: '__proto__', competitor: '@SUM(A1)' }), ana, 'd1');
    const deal = readDeal(doc, 'd1')!;
    expect(deal.account).toBe('=HYPERLINK("http://evil")');
    expect(deal.competitor).toBe('@SUM(A1)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips entries a hostile peer wrote in the wrong shape, including a __proto__ id', () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), ana, 'good');
    doc.transact(() => {
      const bad = new Y.Map<unknown>();
      dealEntriesMap(doc).set('__proto__', bad);
      bad.set('polluted', true);
      const alsoBad = new Y.Map<unknown>();
      dealEntriesMap(doc).set('bad', alsoBad);
      alsoBad.set('account', 42);
    });
    expect(readDeals(doc).map((d) => d.id)).toEqual(['good']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets only the author edit, and records each edit in the history', () => {
    const doc = new Y.Doc();
    addDeal(doc, input(), ana, 'd1');
    const denied = updateDeal(doc, 'd1', { outcome: 'lost-competitor' }, ben);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('denied');
    expect(removeDeal(doc, 'd1', ben).ok).toBe(false);

    const changed = updateDeal(doc, 'd1', { outcome: 'lost-competitor', competitor: 'Geotab' }, { ...ana, now: 5 });
    expect(changed.ok && changed.value.map((c) => c.field)).toEqual(['outcome', 'competitor']);
    expect(updateDeal(doc, 'd1', { outcome: 'lost-competitor' }, ana)).toEqual({ ok: true, value: [] });
    expect(readDealHistory(doc, 'd1')).toEqual([
      {
        at: 5,
        author: 'Ana',
        changes: [
          { field: 'outcome', from: 'won', to: 'lost-competitor' },
          { field: 'competitor', from: '', to: 'Geotab' },
        ],
      },
    ]);
    expect(readDeal(doc, 'd1')!.updatedAt).toBe(5);
    expect(canEditDeal(readDeal(doc, 'd1')!, { author: 'Ana' })).toBe(true);
    expect(canEditDeal(readDeal(doc, 'd1')!, { author: 'Ben' })).toBe(false);
  });

  it('merges concurrent work of two replicas: new deals on both, different fields of one deal', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addDeal(a, input(), ana, 'shared');
    sync(a, b);
    addDeal(a, input({ account: 'A only' }), ana, 'from-a');
    addDeal(b, input({ account: 'B only' }), ben, 'from-b');
    updateDeal(a, 'shared', { note: 'Edited on A' }, { ...ana, now: 10 });
    updateDeal(b, 'shared', { amount: 50_000 }, { ...ana, now: 11 });
    sync(a, b);
    expect(readDeals(a)).toEqual(readDeals(b));
    const merged = readDeal(a, 'shared')!;
    expect(merged.note).toBe('Edited on A');
    expect(merged.amount).toBe(50_000);
    expect(
      readDeals(a)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['from-a', 'from-b', 'shared']);
    expect(readDealHistory(a, 'shared')).toHaveLength(2);
  });

  it('tells observers about every change and stops when disposed', () => {
    const doc = new Y.Doc();
    const seen: number[] = [];
    const live = new LiveDeals(doc, (task) => (task(), () => undefined));
    const off = live.subscribe(() => seen.push(live.getSnapshot().deals.length));
    addDeal(doc, input(), ana, 'd1');
    updateDeal(doc, 'd1', { note: 'x' }, ana);
    off();
    addDeal(doc, input(), ana, 'd2');
    expect(seen).toEqual([1, 1]);
  });

  it('imports deals once: re-importing the same CRM ids changes nothing', () => {
    const doc = new Y.Doc();
    const rows = [input({ crmId: 'OPP-1' }), input({ crmId: 'OPP-2' }), input({ crmId: 'OPP-1' })];
    expect(importDeals(doc, rows, ana)).toEqual({ ok: true, value: { added: 2, skippedDuplicates: 1 } });
    const before = Y.encodeStateVector(doc);
    expect(importDeals(doc, rows, ana)).toEqual({ ok: true, value: { added: 0, skippedDuplicates: 3 } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses a whole import when one row is invalid', () => {
    const doc = new Y.Doc();
    const result = importDeals(doc, [input({ crmId: 'A' }), input({ currency: 'xx' })], ana);
    expect(result.ok).toBe(false);
    expect(readDeals(doc)).toEqual([]);
  });

  it('stores anchored notes beside the deals and validates them', () => {
    const doc = new Y.Doc();
    const note = {
      narrativeId: 'n-cost',
      selector: { type: 'TextQuoteSelector', exact: 'fuel costs', prefix: 'cut ', suffix: ' by 12%' },
      note: 'Buyers asked for the source.',
      author: 'Ana',
      createdAt: 3,
    };
    expect(addAnchoredNote(doc, note, 'a1').ok).toBe(true);
    expect(addAnchoredNote(doc, { ...note, selector: { ...note.selector, exact: '' } }).ok).toBe(false);
    expect(readAnchoredNotes(doc)).toEqual([{ ...note, id: 'a1' }]);
  });

  it('tells anchored-note observers about a new note and stops when disposed', () => {
    const doc = new Y.Doc();
    const note = {
      narrativeId: 'n-cost',
      selector: { type: 'TextQuoteSelector', exact: 'fuel costs', prefix: '', suffix: '' },
      note: 'Ask for the source.',
      author: 'Ana',
      createdAt: 1,
    };
    const seen: number[] = [];
    const off = observeAnchoredNotes(doc, (notes) => seen.push(notes.length));
    addAnchoredNote(doc, note, 'a1');
    off();
    addAnchoredNote(doc, note, 'a2');
    expect(seen).toEqual([1]);
  });
});
