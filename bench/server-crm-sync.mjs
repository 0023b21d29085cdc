// What a CRM sync costs end to end (docs/CRM.md), on a real server process against the local fake HubSpot
// (tests/unit/server/helpers/fakeHubSpot.ts, written from HubSpot's public reference): 20,000 deals from
// `crm connect` until a connected client's deal log holds them all. The baseline, in the same run and on the
// same server: the same number of deals written by a client as an import does (20 frames of 1,000 deals,
// shared/collab/notes.ts importDealBatch's layout) until another client holds them all. The CRM figure runs
// with the request pacing raised to 100/s (HubSpot allows 4 searches/s: at the default 3/s, 20,000 deals take
// ~35 s of waiting by design), so it shows Duet's own cost, not the pacing.
// Usage: node bench/server-crm-sync.mjs [--deals 20000] (a multiple of 1,000: the baseline writes frames of 1,000)
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { crmConnectArgs } from '../tests/unit/server/crm/crmConnectArgs.ts';
import { startFakeHubSpot } from '../tests/unit/server/helpers/fakeHubSpot.ts';
import { buildSyncServer, startSyncServer } from './lib/syncServer.mjs';

const { values } = parseArgs({ options: { deals: { type: 'string', default: '20000' } } });
const DEALS = Number(values.deals);
const CLI = join(resolve(import.meta.dirname, '..'), 'out', 'server', 'cli.mjs');

function client(url, docName, token) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, docName, doc, {
    params: { token, duet: '1' },
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  });
  // Duet's own messages (stored, session): read and ignored, as the app's provider would handle them.
  provider.messageHandlers[100] = (_encoder, decoder) => void decoding.readVarUint8Array(decoder);
  provider.messageHandlers[101] = (_encoder, decoder) => void decoding.readVarString(decoder);
  return { doc, provider, entries: () => doc.getMap('dealEntries').size };
}

async function until(condition, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('[bench] timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function record(i) {
  return JSON.stringify({
    account: `Account ${i}`,
    dealName: `Deal ${i}`,
    crmId: `${100_000 + i}`,
    amount: 1000,
    currency: 'USD',
    stage: 'Appointment Scheduled',
    persona: '',
    outcome: 'open',
    competitor: '',
    closeDate: '2026-01-01',
    narratives: [],
    note: '',
    perspective: 'rep',
    author: 'HubSpot',
    createdAt: 1,
    updatedAt: 1,
  });
}

buildSyncServer();
const fake = await startFakeHubSpot();
fake.perSecond = 1_000;
for (let i = 0; i < DEALS; i++) fake.addDeals(1, new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString());
const server = await startSyncServer({ workspace: 'acme', allowOrigin: 'http://127.0.0.1' });
const token = server.token('storyteller');

// Baseline: a client writes the deals as an import does; another client receives them.
const importer = client(server.url, 'acme/notes/import', token);
const reader = client(server.url, 'acme/notes/import', token);
await until(() => importer.provider.synced && reader.provider.synced, 10_000);
const importStart = performance.now();
for (let batch = 0; batch < DEALS / 1000; batch++)
  importer.doc.transact(() => {
    for (let i = batch * 1000; i < (batch + 1) * 1000; i++) importer.doc.getMap('dealEntries').set(`d${i}`, record(i));
  });
await until(() => reader.entries() === DEALS, 120_000);
const importMs = performance.now() - importStart;

// The playbook must be on the server before a CRM sync matches narratives (it waits for it otherwise): any
// content will do, the bench's deals cite none.
const author = client(server.url, 'acme/playbook/p1', token);
await until(() => author.provider.synced, 10_000);
author.doc.get('root', Y.XmlText).insert(0, 'Bench playbook');
const check = client(server.url, 'acme/playbook/p1', token);
await until(() => check.doc.store.clients.size > 0, 10_000);

// The CRM sync: from `crm connect` to a client holding every deal.
const watcher = client(server.url, 'acme/notes/p1', token);
await until(() => watcher.provider.synced, 10_000);
const crmStart = performance.now();
execFileSync(process.execPath, [
  CLI,
  ...crmConnectArgs(
    // Deletions are listed at the product's default (every 10 min), so none run during the measured sync.
    { provider: 'hubspot', apiBase: fake.url, requestsPerSecond: 100, deletionCheckSeconds: 600 },
    { pollSeconds: 300, competitorField: '' },
  ),
  '--data',
  server.data,
]);
await until(() => watcher.entries() === DEALS, 300_000);
const crmMs = performance.now() - crmStart;

const fakeMs = fake.log.searchMs;
const row = (label, ms) => console.log(`${label.padEnd(58)} ${(ms / 1000).toFixed(2)} s`);
row(`crm sync: ${DEALS} deals, crm connect → a client holds all`, crmMs);
row(`  of which the fake HubSpot answering ${fake.log.searches} searches`, fakeMs);
row("  Duet's own share", crmMs - fakeMs);
row('baseline: the same deals written by a client (import)', importMs);
console.log(`ratio ${(crmMs / importMs).toFixed(1)}× (Duet's own share ${((crmMs - fakeMs) / importMs).toFixed(1)}×)`);
for (const c of [importer, reader, author, check, watcher]) c.provider.destroy();
await server.stop();
await fake.close();
