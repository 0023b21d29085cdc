import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { knownCrmIds, readDeals } from '../../../../../shared/collab/notes';
import type { DealInput } from '../../../../../shared/domain/deal';
import { DEFAULT_LIMITS } from '../../../../../server/http/startSyncServer';
import { IMPORT_LIMITS, writeDealsInBatches } from '../../../../../renderer/features/notes/csv/writeImport';

const ana = { author: 'Ana', now: 1 };

function deals(count: number): DealInput[] {
  return Array.from({ length: count }, (_, i) => ({
    account: `Account ${i % 300}`,
    dealName: `Fleet renewal ${i}`,
    crmId: `0061x${i}`,
    amount: i % 7 === 0 ? null : 1000 + i,
    currency: 'USD',
    stage: 'Closed Won',
    persona: '',
    outcome: i % 3 === 0 ? 'lost-competitor' : 'won',
    competitor: i % 3 === 0 ? 'Geotab' : '',
    closeDate: '2026-05-14',
    narratives: i % 2 === 0 ? [{ narrativeId: 'n1', reception: 'neutral' }] : [],
    note: 'Send the contract to procurement',
    perspective: 'rep',
  }));
}

describe('writing a large import in batches', () => {
  it('stays below the sync server’s frame and rate limits', () => {
    expect(IMPORT_LIMITS.maxBatchBytes).toBeLessThan(DEFAULT_LIMITS.maxFrameBytes / 2);
    expect(IMPORT_LIMITS.burstBytes).toBeLessThan(DEFAULT_LIMITS.byteBurst);
    expect(IMPORT_LIMITS.bytesPerSecond).toBeLessThan(DEFAULT_LIMITS.bytesPerSecond);
  });

  it('writes every deal in a bounded number of frames, each far below the frame limit', async () => {
    const doc = new Y.Doc();
    const frames: number[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(update.byteLength));
    const progress: number[] = [];
    const outcome = await writeDealsInBatches(doc, deals(4000), ana, {
      known: knownCrmIds(doc),
      onProgress: ({ written }) => progress.push(written),
    });
    expect(outcome).toMatchObject({ status: 'done', added: 4000, skippedDuplicates: 0 });
    expect(readDeals(doc)).toHaveLength(4000);
    expect(readDeals(doc).filter((d) => d.amount === null)).toHaveLength(Math.ceil(4000 / 7));
    expect(Math.max(...frames)).toBeLessThanOrEqual(IMPORT_LIMITS.maxBatchBytes);
    // One frame per batch, batches of tens to thousands of deals: far fewer frames than deals.
    expect(frames.length).toBe(outcome.status === 'done' ? outcome.batches : -1);
    expect(frames.length).toBeLessThan(4000 / 10);
    expect(progress.at(-1)).toBe(4000);
    expect(progress.length).toBe(frames.length);
  });

  it('skips deals already logged, also across batches', async () => {
    const doc = new Y.Doc();
    await writeDealsInBatches(doc, deals(100), ana, { known: knownCrmIds(doc) });
    const again = await writeDealsInBatches(doc, [...deals(150), ...deals(150)], ana, { known: knownCrmIds(doc) });
    expect(again).toMatchObject({ status: 'done', added: 50, skippedDuplicates: 250 });
    expect(readDeals(doc)).toHaveLength(150);
  });

  it('Cancel removes what was written: the log is as it was', async () => {
    const doc = new Y.Doc();
    await writeDealsInBatches(doc, deals(20), ana, { known: knownCrmIds(doc) });
    const before = readDeals(doc).map((d) => d.id);
    const controller = new AbortController();
    const outcome = await writeDealsInBatches(
      doc,
      deals(3000).map((d) => ({ ...d, crmId: `new-${d.crmId}` })),
      ana,
      {
        known: knownCrmIds(doc),
        signal: controller.signal,
        onProgress: ({ written }) => written > 500 && controller.abort(),
      },
    );
    expect(outcome.status).toBe('cancelled');
    expect(outcome.status === 'cancelled' && outcome.removed).toBeGreaterThan(500);
    expect(readDeals(doc).map((d) => d.id)).toEqual(before);
  });

  it('paces the bytes it sends once the burst is spent', async () => {
    const doc = new Y.Doc();
    let bytes = 0;
    doc.on('update', (update: Uint8Array) => (bytes += update.byteLength));
    const limits = { ...IMPORT_LIMITS, burstBytes: 20_000, bytesPerSecond: 400_000 };
    const started = performance.now();
    await writeDealsInBatches(doc, deals(1500), ana, { known: new Set(), limits });
    const seconds = (performance.now() - started) / 1000;
    // Everything past the burst went out at the paced rate (the last batch may go before its wait).
    expect(seconds).toBeGreaterThanOrEqual((bytes - limits.burstBytes - limits.maxBatchBytes) / limits.bytesPerSecond);
  });

  it('does not pace a document that has no sync server to flood', async () => {
    const doc = new Y.Doc();
    // Paced, this rate would take minutes for these deals.
    const limits = { ...IMPORT_LIMITS, burstBytes: 20_000, bytesPerSecond: 1_000 };
    const outcome = await writeDealsInBatches(doc, deals(1500), ana, { known: new Set(), limits, paced: false });
    expect(outcome.status === 'done' && outcome.added).toBe(1500);
    expect(readDeals(doc)).toHaveLength(1500);
  });

  it('refuses a batch with an invalid deal before writing anything of it', async () => {
    const doc = new Y.Doc();
    const bad = { ...deals(1)[0]!, currency: 'euro' };
    const outcome = await writeDealsInBatches(doc, [bad], ana, { known: new Set() });
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/currency/) });
    expect(readDeals(doc)).toHaveLength(0);
  });
});
