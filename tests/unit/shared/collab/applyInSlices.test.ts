/**
 * A large stored document is applied a slice per task (so the window keeps painting while 20,000 deals
 * load), and the result is the very document its stored records describe.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyInSlices } from '../../../../shared/collab/applyInSlices';
import { importDeals, readDeals, updateDeal } from '../../../../shared/collab/notes';
import { splitUpdate } from '../../../../shared/collab/splitUpdate';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';

const ana = { author: 'Ana', now: 1 };

describe('applyInSlices', () => {
  it('yields between slices of a large record and of many records, keeping every deal and edit', async () => {
    const source = new Y.Doc();
    const records: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => records.push(update));
    importDeals(source, companyDeals(1_500, companyNarrativeIds()), ana);
    const ids = readDeals(source).map((d) => d.id);
    for (const id of ids.slice(0, 40)) updateDeal(source, id, { stage: 'Negotiation' }, ana);
    const whole = Y.encodeStateAsUpdate(source);
    for (const parts of [[whole], records]) {
      const doc = new Y.Doc();
      let yields = 0;
      const transactions: number[] = [];
      doc.on('afterTransaction', () => transactions.push(yields));
      await applyInSlices(doc, parts, 'load', async () => void yields++, 200 * 1024);
      expect(yields).toBeGreaterThanOrEqual(Math.floor(whole.length / (200 * 1024)) - 1);
      expect(new Set(transactions).size).toBeGreaterThan(2); // work spread over several tasks
      expect(doc.store.pendingStructs).toBeNull();
      expect(readDeals(doc)).toEqual(readDeals(source));
      expect(Y.encodeStateAsUpdate(doc)).toEqual(whole);
    }
  });

  it('ends a task when its time is used, even before its bytes are (a busy machine decodes slowly)', async () => {
    const source = new Y.Doc();
    importDeals(source, companyDeals(1_500, companyNarrativeIds()), ana);
    const whole = Y.encodeStateAsUpdate(source);
    const doc = new Y.Doc();
    let clock = 0;
    let yields = 0;
    // Every piece "takes" 20 ms: over the 12 ms budget, so each task applies exactly one piece.
    const now = (): number => (clock += 20);
    await applyInSlices(doc, [whole], 'load', async () => void yields++, 1 << 30, { now });
    const pieces = splitUpdate(whole, 1 << 17).length;
    expect(pieces).toBeGreaterThan(2);
    expect(yields).toBeGreaterThanOrEqual(pieces - 1);
    expect(readDeals(doc)).toEqual(readDeals(source));
  });

  it('throws on bytes that are not an update', async () => {
    await expect(applyInSlices(new Y.Doc(), [new Uint8Array([9, 9, 9])], null, async () => {}, 1)).rejects.toThrow();
  });
});
