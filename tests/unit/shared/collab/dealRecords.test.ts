/**
 * The notes document's deal layout: documents written by earlier versions (one Y.Map per deal with a
 * history Y.Array) keep every deal and every history record when a writer moves them to the current layout,
 * also when two clients do it at the same time, and a cheap read path accepts exactly what zod accepts.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkDealInput } from '../../../../shared/domain/checkDealInput';
import { DEAL_INPUT_FIELDS, dealInputSchema, type DealEdit, type DealInput } from '../../../../shared/domain/deal';
import { dealFieldsMap, fieldKey, readAllDealRecords } from '../../../../shared/collab/dealRecords';
import {
  addDeal,
  crmDeletedMap,
  dealEntriesMap,
  knownCrmIds,
  legacyDealsMap,
  migrateLegacyDeals,
  readDeal,
  readDealHistory,
  readDeals,
  removeDeal,
  updateDeal,
} from '../../../../shared/collab/notes';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';
import { LiveDeals, type Scheduler } from '../../../../renderer/features/notes/LiveDeals';
import { compareDeals } from '../../../../shared/domain/dealOrder';
import { dealInput } from './dealFixtures';

/** The review's deal log (LiveDeals) observes the document; its scheduler runs at once here. */
const atOnce: Scheduler = (task) => (task(), () => undefined);
/** A full read in the order the review's log keeps (readDeals breaks ties differently). */
const inLogOrder = (doc: Y.Doc) => readDeals(doc).sort(compareDeals);

const ana = { author: 'Ana', now: 1_000 };

/** Writes deals exactly as layout 1 did (the code of notes.ts before the company-scale layout). */
function writeLayout1(doc: Y.Doc, deals: { id: string; input: DealInput; history: DealEdit[] }[]): void {
  doc.transact(() => {
    for (const { id, input, history } of deals) {
      const map = new Y.Map<unknown>();
      legacyDealsMap(doc).set(id, map);
      for (const field of DEAL_INPUT_FIELDS) map.set(field, input[field]);
      map.set('author', 'Ana');
      map.set('createdAt', 100);
      map.set('updatedAt', history.at(-1)?.at ?? 100);
      const log = new Y.Array<DealEdit>();
      map.set('history', log);
      log.push(history);
    }
  });
}

function layout1Doc(count: number): { doc: Y.Doc; ids: string[] } {
  const inputs = companyDeals(count, companyNarrativeIds());
  const deals = inputs.map((input, i) => ({
    id: `old${i}`,
    input,
    history: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      at: 200 + k,
      author: 'Ana',
      changes: [{ field: 'stage' as const, from: `s${k}`, to: `s${k + 1}` }],
    })),
  }));
  const doc = new Y.Doc();
  writeLayout1(doc, deals);
  return { doc, ids: deals.map((d) => d.id) };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('deals of an older notes document', () => {
  it('are read as they are, and a writer moves every deal with its whole history', () => {
    const { doc, ids } = layout1Doc(300);
    const before = readDeals(doc);
    const histories = ids.map((id) => readDealHistory(doc, id));
    expect(before).toHaveLength(300);
    expect(histories.map((h) => h.length)).toEqual(ids.map((_, i) => 1 + (i % 3)));

    expect(migrateLegacyDeals(doc)).toBe(300);
    expect(legacyDealsMap(doc).size).toBe(0);
    expect(dealEntriesMap(doc).size).toBe(300);
    expect(readDeals(doc)).toEqual(before);
    expect(ids.map((id) => readDealHistory(doc, id))).toEqual(histories);
    // Moved deals stay editable, and their history grows on.
    expect(updateDeal(doc, 'old7', { note: 'After the move.' }, { author: 'Ana', now: 900 }).ok).toBe(true);
    expect(readDealHistory(doc, 'old7').map((h) => h.at)).toEqual([200, 201, 900]);
  });

  it('are moved by the first write, not by reading (a viewer never writes)', () => {
    const { doc } = layout1Doc(3);
    readDeals(doc);
    expect(legacyDealsMap(doc).size).toBe(3);
    addDeal(doc, companyDeals(1, ['n-1'], 99)[0], ana, 'new1');
    expect(legacyDealsMap(doc).size).toBe(0);
    expect(
      readDeals(doc)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['new1', 'old0', 'old1', 'old2']);
  });

  it('are neither duplicated nor lost when two clients move them at the same time', () => {
    const { doc: a, ids } = layout1Doc(50);
    const b = new Y.Doc();
    sync(a, b);
    const before = readDeals(a);
    const histories = ids.map((id) => readDealHistory(a, id));
    // Both move the same deals offline, each also adds and edits, then they meet.
    migrateLegacyDeals(a);
    migrateLegacyDeals(b);
    addDeal(a, companyDeals(1, ['n-1'], 5)[0], ana, 'fromA');
    updateDeal(b, 'old3', { amount: 123 }, { author: 'Ana', now: 500 });
    sync(a, b);
    expect(readDeals(a)).toEqual(readDeals(b));
    expect(readDeals(a)).toHaveLength(51);
    expect(readDeal(a, 'old3')!.amount).toBe(123);
    const after = ids.map((id) => readDealHistory(a, id));
    expect(after.filter((_, i) => i !== 3)).toEqual(histories.filter((_, i) => i !== 3));
    expect(after[3]).toEqual([...histories[3]!, expect.objectContaining({ at: 500 })]);
    expect(ids.map((id) => readDealHistory(b, id))).toEqual(after);
    expect(readDeals(a).filter((d) => d.id !== 'fromA' && d.id !== 'old3')).toEqual(
      before.filter((d) => d.id !== 'old3'),
    );
  });

  it('are moved when an older client adds one after the move', () => {
    const { doc: a } = layout1Doc(2);
    const old = new Y.Doc();
    sync(a, old);
    migrateLegacyDeals(a);
    // The older client, offline, logs a new deal in layout 1.
    writeLayout1(old, [{ id: 'late', input: companyDeals(1, ['n-2'], 3)[0]!, history: [] }]);
    sync(a, old);
    expect(
      readDeals(a)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['late', 'old0', 'old1']);
    addDeal(a, companyDeals(1, ['n-1'], 4)[0], ana, 'next');
    expect(legacyDealsMap(a).size).toBe(0);
    expect(readDeals(a)).toHaveLength(4);
  });
});

describe('the current layout', () => {
  it('removes a deal with its field changes and history', () => {
    const doc = new Y.Doc();
    addDeal(doc, companyDeals(1, ['n-1'])[0], ana, 'd1');
    updateDeal(doc, 'd1', { note: 'Changed.' }, { ...ana, now: 2_000 });
    expect(readDealHistory(doc, 'd1')).toHaveLength(1);
    expect(removeDeal(doc, 'd1', ana).ok).toBe(true);
    expect(readDeals(doc)).toEqual([]);
    expect(readDealHistory(doc, 'd1')).toEqual([]);
    expect(dealEntriesMap(doc).size).toBe(0);
  });

  it('keeps each history current through edits here, a replica’s edits and removals, as read afresh', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const [first, second] = companyDeals(2, ['n-1']);
    addDeal(a, first, ana, 'd1');
    addDeal(a, second, ana, 'd2');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Read once before the changes: what is asked afterwards comes from the index kept since then.
    expect(readDealHistory(a, 'd1')).toEqual([]);
    const afresh = (id: string) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
      return readDealHistory(copy, id);
    };
    updateDeal(a, 'd1', { note: 'Here.' }, { ...ana, now: 2_000 });
    expect(readDealHistory(a, 'd1').map((h) => h.at)).toEqual([2_000]);
    updateDeal(b, 'd1', { amount: 1_234 }, { ...ana, now: 3_000 });
    updateDeal(b, 'd2', { note: 'There.' }, { ...ana, now: 3_001 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(readDealHistory(a, 'd1').map((h) => h.at)).toEqual([2_000, 3_000]);
    expect(readDealHistory(a, 'd2')).toEqual(afresh('d2'));
    expect(removeDeal(a, 'd1', ana).ok).toBe(true);
    expect(readDealHistory(a, 'd1')).toEqual([]);
    expect(readDealHistory(a, 'd2').map((h) => h.at)).toEqual([3_001]);
    expect(['d1', 'd2'].map((id) => readDealHistory(a, id))).toEqual(['d1', 'd2'].map(afresh));
  });

  it('skips records a hostile peer wrote in the wrong shape, and field changes of the wrong type', () => {
    const doc = new Y.Doc();
    addDeal(doc, companyDeals(1, ['n-1'])[0], ana, 'good');
    addDeal(doc, companyDeals(1, ['n-1'], 2)[0], ana, 'patched');
    doc.transact(() => {
      dealEntriesMap(doc).set('__proto__', { polluted: true });
      dealEntriesMap(doc).set('notJson', '{"account": "Half');
      dealEntriesMap(doc).set(
        'protoJson',
        JSON.stringify({ ...readDeal(doc, 'good') }).replace('{', '{"__proto__":{"polluted":true},'),
      );
      dealEntriesMap(doc).set('bad', { ...readDeal(doc, 'good'), amount: '12' });
      doc.getMap('dealFields').set('patched:amount', -1);
    });
    // The JSON record with a __proto__ key is a valid deal; the key is dropped, nothing is polluted.
    expect(
      readDeals(doc)
        .map((d) => d.id)
        .sort(),
    ).toEqual(['good', 'protoJson']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(readDeal(doc, 'protoJson'))).toBe(Object.prototype);
  });

  it('tells observers only about the deals a change touched, with the whole list each time', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    for (const [i, input] of companyDeals(20, ['n-1']).entries()) addDeal(doc, input, ana, `d${i}`);
    const seen: string[][] = [];
    const live = new LiveDeals(doc, atOnce);
    const off = live.subscribe(() => seen.push(live.getSnapshot().deals.map((d) => `${d.id}:${d.amount}`)));
    updateDeal(doc, 'd4', { amount: 7 }, ana);
    sync(doc, other);
    updateDeal(other, 'd5', { amount: 8 }, ana);
    sync(other, doc); // a remote change arrives
    removeDeal(doc, 'd6', ana);
    off();
    expect(seen).toHaveLength(3);
    expect(seen[0]).toContain('d4:7');
    expect(seen[1]).toContain('d5:8');
    expect(seen[2]).toHaveLength(19);
    expect(seen[2]).toEqual(inLogOrder(doc).map((d) => `${d.id}:${d.amount}`));
  });

  it('keeps the observed list in the order readDeals gives, edit after edit', () => {
    const doc = new Y.Doc();
    for (const [i, input] of companyDeals(120, ['n-1', 'n-2']).entries()) addDeal(doc, input, ana, `d${i}`);
    let last: string[] = [];
    const live = new LiveDeals(doc, atOnce);
    const off = live.subscribe(() => (last = live.getSnapshot().deals.map((d) => d.id)));
    for (let k = 0; k < 60; k++) {
      const id = `d${(k * 37) % 120}`;
      if (k % 10 === 9) removeDeal(doc, id, ana);
      else updateDeal(doc, id, { closeDate: `2025-0${1 + (k % 9)}-1${k % 10}` }, { ...ana, now: 2_000 + k });
      expect(last).toEqual(inLogOrder(doc).map((d) => d.id));
    }
    off();
  });
});

describe('the cheap read path', () => {
  it('accepts exactly what the schema accepts, and returns what it returns', () => {
    const base = companyDeals(1, ['n-1'])[0] as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      base,
      { ...base, account: ' padded ' },
      { ...base, account: '' },
      { ...base, account: '   ' },
      { ...base, amount: Number.POSITIVE_INFINITY },
      { ...base, amount: -1 },
      { ...base, amount: '5' },
      { ...base, currency: 'eur' },
      { ...base, closeDate: '2026-02-30' },
      { ...base, outcome: 'maybe' },
      { ...base, perspective: 'x' },
      { ...base, note: 'x'.repeat(5001) },
      { ...base, note: 'x'.repeat(5000) },
      { ...base, narratives: [{ narrativeId: 'a', reception: 'neutral', extra: 1 }] },
      {
        ...base,
        narratives: [
          { narrativeId: 'a', reception: 'neutral' },
          { narrativeId: 'a', reception: 'neutral' },
        ],
      },
      { ...base, narratives: [{ narrativeId: '../a', reception: 'neutral' }] },
      { ...base, narratives: 'n-1' },
      { ...base, amount: null },
      { ...base, narratives: [{ narrativeId: 'a', reception: 'neutral', versionId: 'v-1' }] },
      { ...base, narratives: [{ narrativeId: 'a', reception: 'neutral', versionId: '../v' }] },
      { ...base, narratives: [{ narrativeId: 'a', reception: 'neutral', versionId: 7 }] },
      { ...base, extra: 'ignored' },
      { ...base, stage: undefined },
    ];
    for (const raw of variants) {
      const parsed = dealInputSchema.safeParse(raw);
      // toStrictEqual: a key the fast path dropped (e.g. a narrative's version) must not pass as undefined.
      expect(checkDealInput(raw)).toStrictEqual(parsed.success ? parsed.data : null);
    }
  });
});

describe('reading one deal after its fields changed', () => {
  it('shows every change, made here or by a colleague, also right after the change and inside a write', () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    const added = addDeal(here, { ...companyDeals(1, ['n-1'])[0]!, amount: 1 }, ana);
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.id;
    expect(readDeal(here, id)?.amount).toBe(1); // the index of changed fields is built now, empty for this deal
    updateDeal(here, id, { amount: 2 }, ana);
    expect(readDeal(here, id)?.amount).toBe(2);
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    expect(readDeal(there, id)).toEqual(readDeal(here, id));
    updateDeal(there, id, { stage: 'Negotiation', note: 'From there' }, { author: 'Ana', now: 2_000 });
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
    expect(readDeal(here, id)).toMatchObject({ amount: 2, stage: 'Negotiation', note: 'From there', updatedAt: 2_000 });
    here.transact(() => {
      updateDeal(here, id, { amount: 3 }, ana);
      expect(readDeal(here, id)?.amount).toBe(3); // inside the same transaction
    });
    removeDeal(here, id, ana);
    expect(readDeal(here, id)).toBeNull();
  });

  it('reads a deal as created again when a field change disappears while the deal stays, as a full read does', () => {
    const doc = new Y.Doc();
    const added = addDeal(doc, { ...companyDeals(1, ['n-1'])[0]!, amount: 1, stage: 'Proposal' }, ana);
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.id;
    updateDeal(doc, id, { amount: 2, stage: 'Negotiation' }, ana);
    updateDeal(doc, id, { amount: 5 }, ana); // the same field twice: one entry in the index
    expect(readDeal(doc, id)).toMatchObject({ amount: 5, stage: 'Negotiation' });
    // A peer's change that deletes one field's key (no Duet client writes this; a restore of an older state does).
    dealFieldsMap(doc).delete(fieldKey(id, 'amount'));
    expect(readDeal(doc, id)).toMatchObject({ amount: 1, stage: 'Negotiation' });
    expect(readDeal(doc, id)).toEqual(readDeals(doc).find((d) => d.id === id));
    dealFieldsMap(doc).delete(fieldKey(id, 'stage'));
    expect(readDeal(doc, id)).toMatchObject({ amount: 1, stage: 'Proposal' });
    updateDeal(doc, id, { amount: 7 }, ana);
    expect(readDeal(doc, id)).toEqual(readDeals(doc).find((d) => d.id === id));
    expect(readDeal(doc, id)?.amount).toBe(7);
  });
});

describe('deals the CRM reports deleted', () => {
  it('leave every reader (list, one deal, observers, edits) but stay in the document, and return when restored', () => {
    const doc = new Y.Doc();
    const kept = addDeal(doc, dealInput({ account: 'Kept', crmId: '1' }), ana, 'dKept');
    const gone = addDeal(doc, dealInput({ account: 'Gone', crmId: '2', note: 'Loved the demo.' }), ana, 'dGone');
    expect(kept.ok && gone.ok).toBe(true);
    const seen: string[][] = [];
    const live = new LiveDeals(doc, atOnce);
    const stop = live.subscribe(() => seen.push(live.getSnapshot().deals.map((d) => d.account)));
    crmDeletedMap(doc).set('dGone', JSON.stringify({ at: 2_000, by: 'HubSpot' }));
    expect(readDeals(doc).map((d) => d.account)).toEqual(['Kept']);
    expect(readDeal(doc, 'dGone')).toBeNull();
    expect(seen.at(-1)).toEqual(['Kept']);
    expect(updateDeal(doc, 'dGone', { note: 'x' }, { ...ana, moderator: true })).toMatchObject({ ok: false });
    // Still there for the CRM sync and the import (a restore must find it, an import must not log it twice).
    expect(
      readAllDealRecords(doc, { withCrmDeleted: true })
        .map((d) => d.account)
        .sort(),
    ).toEqual(['Gone', 'Kept']);
    expect(knownCrmIds(doc)).toEqual(new Set(['1', '2']));
    crmDeletedMap(doc).delete('dGone');
    expect(readDeal(doc, 'dGone')).toMatchObject({ account: 'Gone', note: 'Loved the demo.' });
    expect(seen.at(-1)?.sort()).toEqual(['Gone', 'Kept']);
    stop();
  });
});
