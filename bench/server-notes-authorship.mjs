// What the server's authorship check on notes documents costs (server/sync/guardNotesUpdate.ts), measured
// on a real server process: the same workload twice in one run, once written by storytellers (who moderate,
// so their updates skip the check — the baseline) and once by salespeople (every update checked).
//   relay latency p50/p99 — 50 notes documents of 2,000 deals each, 1 writer + 4 listeners per document,
//     500 deal edits/s in total (each edit: two field changes and a history record, as updateDeal writes);
//   import — 20 frames of 1,000 new deals each (an import batch), time until the server confirms storing all.
// Usage: node bench/server-notes-authorship.mjs [--seconds 6]
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildSyncServer, startSyncServer } from './lib/syncServer.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '6' } } });
const SECONDS = Number(values.seconds);
const ROOMS = 50;
const DEALS_PER_ROOM = 2_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function frame(type, step, payload) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (step !== null) encoding.writeVarUint(e, step);
  if (payload) encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
const kind = (data) => {
  const d = decoding.createDecoder(new Uint8Array(data));
  const type = decoding.readVarUint(d);
  return type === 0 ? `sync-${decoding.readVarUint(d)}` : `type-${type}`;
};
const memberIdOf = (token) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')).mid;

function open(url, onFrame = () => {}) {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', onFrame);
    ws.once('open', () => done(ws));
    ws.once('error', fail);
  });
}

/** A deal record as the app stores it (shared/collab/dealRecords.ts, layout 2). */
function record(i, authorId) {
  return JSON.stringify({
    account: `Account ${i}`,
    dealName: `Deal ${i}`,
    crmId: `CRM-${i}`,
    amount: 1000 + i,
    currency: 'USD',
    stage: 'Closed',
    persona: 'CFO',
    outcome: i % 3 === 0 ? 'won' : 'lost-competitor',
    competitor: 'Geotab',
    closeDate: '2026-06-01',
    narratives: [{ narrativeId: 'n-cost', reception: 'resonated' }],
    note: 'Asked for the downtime numbers again.',
    perspective: 'rep',
    author: 'Bench',
    authorId,
    createdAt: 1,
    updatedAt: 1,
  });
}

/** Sends `update` on `ws` and resolves once the server says it is stored (Duet's message 100). */
function sendStored(ws, update) {
  return new Promise((done, fail) => {
    ws.once('close', (code, reason) => fail(new Error(`closed ${code} ${reason}`)));
    const onFrame = (data) => {
      if (kind(data) === 'type-100') {
        ws.off('message', onFrame);
        done();
      }
    };
    ws.on('message', onFrame);
    ws.send(frame(0, 2, update));
  });
}

let runs = 0;

async function workload(server, role) {
  const token = server.token(role); // a new member each run, writing fresh documents
  const authorId = memberIdOf(token);
  const prefix = `${role}-${++runs}`;
  const url = (doc) => `${server.url}/bench/notes/${prefix}-${doc}?token=${token}&duet=1`;
  const rooms = [];
  const latencies = [];
  for (let r = 0; r < ROOMS; r++) {
    const room = { doc: new Y.Doc(), sent: [], writer: null };
    room.writer = await open(url(`relay-${r}`));
    const seed = [];
    const collectSeed = (u) => seed.push(u);
    room.doc.on('update', collectSeed);
    room.doc.transact(() => {
      for (let i = 0; i < DEALS_PER_ROOM; i++) room.doc.getMap('dealEntries').set(`d${i}`, record(i, authorId));
    });
    room.doc.off('update', collectSeed);
    await sendStored(room.writer, Y.mergeUpdates(seed));
    for (let c = 0; c < 4; c++) {
      let k = 0;
      await open(url(`relay-${r}`), (data) => {
        if (kind(data) === 'sync-2' && room.listening) latencies.push(performance.now() - room.sent[k++]);
      });
    }
    rooms.push(room);
  }
  await sleep(500);
  for (const room of rooms) room.listening = true;
  const total = SECONDS * 500;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + i * 2 - performance.now();
    if (wait > 1) await sleep(wait);
    const room = rooms[i % ROOMS];
    const parts = [];
    const collect = (u) => parts.push(u);
    room.doc.on('update', collect);
    room.doc.transact(() => {
      const deal = `d${i % DEALS_PER_ROOM}`;
      room.doc.getMap('dealFields').set(`${deal}:amount`, i);
      room.doc.getMap('dealFields').set(`${deal}:updatedAt`, Date.now());
      room.doc.getMap('dealEdits').set(`${deal}:e${i}`, JSON.stringify({ at: i, author: 'Bench', changes: [] }));
    });
    room.doc.off('update', collect);
    room.sent.push(performance.now());
    room.writer.send(frame(0, 2, Y.mergeUpdates(parts)));
  }
  await sleep(1000);
  latencies.sort((a, b) => a - b);

  // Import: 20 frames of 1,000 new deals into one more document.
  const importer = await open(url('import'));
  const doc = new Y.Doc();
  const batches = [];
  for (let b = 0; b < 20; b++) {
    const parts = [];
    const collect = (u) => parts.push(u);
    doc.on('update', collect);
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) doc.getMap('dealEntries').set(`i${b}-${i}`, record(b * 1000 + i, authorId));
    });
    doc.off('update', collect);
    batches.push(Y.mergeUpdates(parts));
  }
  const importStarted = performance.now();
  for (const batch of batches) await sendStored(importer, batch);
  const importMs = performance.now() - importStarted;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    received: latencies.length,
    expected: total * 4,
    importMs,
  };
}

buildSyncServer();
const server = await startSyncServer({ workspace: 'bench', allowOrigin: 'http://127.0.0.1' });
const results = {};
try {
  // Baseline first and checked second, then once more each, keeping each one's better run (warm server).
  for (const role of ['storyteller', 'sales', 'storyteller', 'sales']) {
    const run = await workload(server, role);
    const best = results[role];
    results[role] = best && best.p99 <= run.p99 ? best : run;
  }
} finally {
  await server.stop();
}
const base = results.storyteller;
const checked = results.sales;
const f = (n, d = 2) => n.toFixed(d);
const row = (label, a, b, unit, ratio) =>
  console.log(
    `${label.padEnd(36)} checked ${a.padStart(9)} ${unit.padEnd(3)} unchecked ${b.padStart(9)} ${unit.padEnd(3)} ${ratio}`,
  );
console.log(
  `\n[bench] notes authorship check — ${ROOMS} notes docs × ${DEALS_PER_ROOM} deals, 1 writer + 4 listeners each, 500 edits/s for ${SECONDS}s`,
);
const verdict = (ratio, target) => `${f(ratio)}× ${ratio <= target ? 'PASS' : 'MISS'} (≤ ${target}×)`;
row('relay p50', f(checked.p50), f(base.p50), 'ms', verdict(checked.p50 / base.p50, 1.1));
row('relay p99', f(checked.p99), f(base.p99), 'ms', verdict(checked.p99 / base.p99, 1.1));
row('relayed / expected', `${checked.received}/${checked.expected}`, `${base.received}/${base.expected}`, '', '');
row(
  'import 20 × 1,000 deals, stored',
  f(checked.importMs, 0),
  f(base.importMs, 0),
  'ms',
  verdict(checked.importMs / base.importMs, 1.1),
);
process.exit(0);
