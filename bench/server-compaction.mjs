// What a large document's upkeep costs the other people on a sync node: a ~20 MB notes-sized document
// (80,000 entries of ~250 bytes, about a 20,000-deal log with its histories) is stored as one row, then 600
// small updates follow and the writer pauses, so the node compacts (after 500 appends and a second of quiet,
// server/sync/serverCompaction.ts). Meanwhile a second room's writer sends a small update every 5 ms and its
// reader times each relay: the longest relay while the node compacts, beside the longest in a same-run
// window without a compaction (the baseline). Until compaction left large older rows alone
// (DocStorage.compactionStart) each compaction merged the whole document on the event loop. Then the node
// restarts and someone opens the large document while the other room relays: until the node applied a
// loaded document in slices (applyInSlices), that load was one task of about the same length. Last, after
// one change, a client with nothing joins it (until the node kept the changes since its copy of the whole
// document, FullState, that cost a whole encode on the event loop).
// Usage: node bench/server-compaction.mjs [--entries 80000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildSyncServer, CLI, mintInvite } from './lib/syncServer.mjs';
import { spawnUntil } from './lib/services.mjs';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '80000' } } });
const ENTRIES = Number(values.entries);
const root = resolve(import.meta.dirname, '..');
/** The longest a person may wait on anything, at company scale. */
const FREEZE_MS = 200;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A y-websocket protocol message: sync (0), then `step` (0: step 1, 1: step 2, 2: update), then its bytes. */
function syncMessage(step, update) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function open(url, onUpdate = () => {}) {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) onUpdate();
    });
    ws.once('open', () => done(ws));
    ws.once('error', fail);
  });
}

/** Relays one small update every 5 ms in room `probe` for `ms`; resolves with the longest relay (ms). */
async function probeRelays(writer, doc, reader, ms) {
  let longest = 0;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    let update;
    doc.once('update', (u) => (update = u));
    doc.getText('t').insert(0, 'p');
    const sent = performance.now();
    const relayed = new Promise((done) => (reader.onUpdate = done));
    writer.send(syncMessage(2, update));
    await relayed;
    longest = Math.max(longest, performance.now() - sent);
    await sleep(5);
  }
  return longest;
}

async function compactions(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^duet_compactions_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

buildSyncServer();
const data = mkdtempSync(join(tmpdir(), 'duet-bench-compaction-'));
const where = ['--data', data];
const token = mintInvite(where, 'storyteller');
/** Starts a node on the data folder; `url(doc)` is a document's address on it. */
async function startNode() {
  const { child, match } = await spawnUntil([CLI, '--port', '0', ...where], /listening on ws:\/\/[^:]+:(\d+)/, {
    cwd: root,
  });
  const port = Number(match[1]);
  const stop = async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  return { port, stop, url: (doc) => `ws://127.0.0.1:${port}/bench/notes/${doc}?token=${token}` };
}

/** A probe room on `node`: a writer and a reader (see probeRelays). */
async function probeRoom(node) {
  const reader = { onUpdate: () => {} };
  await open(node.url('probe'), () => reader.onUpdate());
  return { doc: new Y.Doc(), reader, writer: await open(node.url('probe')) };
}

let node = await startNode();
const { port, url } = node; // the first node's
try {
  // The large document, sent as the writer's first sync step 2 (one row).
  const big = new Y.Doc();
  const entries = big.getMap('dealEntries');
  big.transact(() => {
    for (let i = 0; i < ENTRIES; i++)
      entries.set(`d-${i.toString(36).padStart(8, '0')}`, JSON.stringify({ n: i, text: 'x'.repeat(220) }));
  });
  const bytes = Y.encodeStateAsUpdate(big);
  const bigWriter = await open(url('big'));
  const bigReader = { onUpdate: () => {} };
  await open(url('big'), () => bigReader.onUpdate());
  const stored = new Promise((done) => (bigReader.onUpdate = done));
  bigWriter.send(syncMessage(1, bytes));
  await stored;

  const probe = await probeRoom(node);
  const quiet = await probeRelays(probe.writer, probe.doc, probe.reader, 3_000);
  // 600 small updates to the large document, then quiet: the node compacts it a second later.
  const before = await compactions(port);
  for (let i = 0; i < 600; i++) {
    let update;
    big.once('update', (u) => (update = u));
    entries.set(`d-${i.toString(36).padStart(8, '0')}`, JSON.stringify({ n: i, text: 'edited' }));
    const relayed = new Promise((done) => (bigReader.onUpdate = done));
    bigWriter.send(syncMessage(2, update));
    await relayed;
  }
  const during = await probeRelays(probe.writer, probe.doc, probe.reader, 3_000);
  const compacted = (await compactions(port)) - before;
  if (compacted < 1) throw new Error('[bench] the node did not compact the large document');
  console.log(
    `\n[bench] a sync node compacting a ${(bytes.byteLength / 1e6).toFixed(1)} MB document (${ENTRIES} entries) after 600 small updates`,
  );
  // A restart: the large document is loaded again when someone opens it, while the other room relays.
  await node.stop();
  node = await startNode();
  const again = await probeRoom(node);
  // A client with nothing: its sync step 1 asks for the whole document.
  const opening = open(node.url('big')).then((ws) => (ws.send(syncMessage(0, Y.encodeStateVector(new Y.Doc()))), ws));
  const loading = await probeRelays(again.writer, again.doc, again.reader, 3_000);
  const first = await opening;
  // One change, then another client with nothing joins: until the node kept the changes since its copy of
  // the whole document (FullState), every change cost the next such client a whole encode.
  let change;
  big.once('update', (u) => (change = u));
  entries.set('d-changed', JSON.stringify({ n: -1, text: 'changed' }));
  first.send(syncMessage(2, change));
  await sleep(200);
  const joining = open(node.url('big')).then((ws) => (ws.send(syncMessage(0, Y.encodeStateVector(new Y.Doc()))), ws));
  const joined = await probeRelays(again.writer, again.doc, again.reader, 3_000);
  (await joining).terminate();
  first.terminate();
  console.log(`longest relay in another room, no compaction: ${quiet.toFixed(1)} ms (baseline)`);
  // The company-scale budget (issue: no freeze over 200 ms) applies to everyone on the node as well.
  const verdict = during <= FREEZE_MS ? 'PASS' : 'MISS';
  console.log(
    `longest relay in another room while it compacts: ${during.toFixed(1)} ms (${(during / quiet).toFixed(2)}×; ${compacted} compaction${compacted === 1 ? '' : 's'}); ≤ ${FREEZE_MS} ms: ${verdict}`,
  );
  const loadVerdict = loading <= FREEZE_MS ? 'PASS' : 'MISS';
  console.log(
    `longest relay in another room while a restarted node loads it: ${loading.toFixed(1)} ms (${(loading / quiet).toFixed(2)}×); ≤ ${FREEZE_MS} ms: ${loadVerdict}`,
  );
  const joinVerdict = joined <= FREEZE_MS ? 'PASS' : 'MISS';
  console.log(
    `longest relay in another room while a client with nothing joins it after a change: ${joined.toFixed(1)} ms (${(joined / quiet).toFixed(2)}×); ≤ ${FREEZE_MS} ms: ${joinVerdict}`,
  );
} finally {
  await node.stop();
  rmSync(data, { recursive: true, force: true });
}
