// A 20,000-deal import reaches a real sync server: in a bounded number of frames, each below the server's
// frame limit, paced below its byte rate (about 7 MB in all with the layout of shared/collab/dealRecords.ts), with nothing
// refused — and a second client joining afterwards receives every deal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInviteClaims } from '../../../../../shared/collab/inviteToken';
import { knownCrmIds, readDeals } from '../../../../../shared/collab/notes';
import type { DealInput } from '../../../../../shared/domain/deal';
import { DEFAULT_LIMITS } from '../../../../../server/http/startSyncServer';
import { writeDealsInBatches } from '../../../../../renderer/features/notes/csv/writeImport';
import { openClient, waitUntil } from '../../../server/helpers/clients';
import {
  buildServerOnce,
  invite,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../../../server/helpers/serverProcess';

const COUNT = 20_000;
let server: ServerProcess;
let token: string;

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  token = invite(data, 'acme', 'Sam', 'sales');
  server = await startServer(data);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function opportunities(count: number): DealInput[] {
  return Array.from({ length: count }, (_, i) => ({
    account: `Kunde ${i % 900} Logistik GmbH`,
    dealName: `Fleet renewal ${i}`,
    crmId: `0061x${String(i).padStart(6, '0')}`,
    amount: 1000 + (i % 90) * 1000,
    currency: 'USD',
    stage: i % 3 === 0 ? 'Closed Lost' : 'Closed Won',
    persona: '',
    outcome: i % 3 === 0 ? 'lost-competitor' : 'won',
    competitor: i % 3 === 0 ? 'Geotab' : '',
    closeDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    narratives: i % 100 === 0 ? [{ narrativeId: 'n-pilot', reception: 'neutral' }] : [],
    note: '',
    perspective: 'rep',
  }));
}

describe('a large import and the sync server', () => {
  it('arrives in few frames under the frame limit, is never refused, and reaches a second client', async () => {
    const docName = 'acme/notes/pb-1';
    const writer = openClient(server.url, docName, token);
    await waitUntil(
      () => writer.provider.synced && writer.session !== null,
      20_000,
      () => 'first client synced',
    );
    const frames: number[] = [];
    const socket = writer.provider.ws!;
    const send = socket.send.bind(socket);
    socket.send = (data: Parameters<WebSocket['send']>[0]) => {
      frames.push((data as Uint8Array).byteLength);
      send(data);
    };
    const outcome = await writeDealsInBatches(
      writer.doc,
      opportunities(COUNT),
      // The app's writer: the member id of the token (the server refuses deals in anyone else's name).
      { author: 'Sam', authorId: readInviteClaims(token)!.memberId, now: 1 },
      {
        known: knownCrmIds(writer.doc),
      },
    );
    expect(outcome).toMatchObject({ status: 'done', added: COUNT });
    await waitUntil(writer.saved, 120_000, () => 'the server stored every batch');

    const bytes = frames.reduce((a, b) => a + b, 0);
    console.log(
      `[import] ${COUNT} deals: ${frames.length} frames, ${(bytes / 1048576).toFixed(1)} MiB, largest ${Math.max(...frames)} bytes`,
    );
    // More than the server lets through in one second: the pacing, not luck, kept the import under the rate.
    expect(bytes).toBeGreaterThan(DEFAULT_LIMITS.bytesPerSecond);
    expect(Math.max(...frames)).toBeLessThan(DEFAULT_LIMITS.maxFrameBytes / 2);
    expect(frames.length).toBeLessThan(COUNT / 25);
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).not.toMatch(/duet_rejected_messages_total\{[^}]*\} [1-9]/);

    const reader = openClient(server.url, docName, token);
    await waitUntil(
      () => reader.provider.synced,
      60_000,
      () => 'second client synced',
    );
    await waitUntil(
      () => readDeals(reader.doc).length === COUNT,
      60_000,
      () => `${readDeals(reader.doc).length} deals`,
    );
    writer.destroy();
    reader.destroy();
  }, 300_000);
});
