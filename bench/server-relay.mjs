// Sync server benchmark, each figure beside the reference y-websocket server (@y/websocket-server 0.1.1,
// in-memory, no auth) measured in the same run, both as separate processes on loopback:
//   relay latency p50/p99 — 100 rooms × 10 clients, 500 updates/s in total (one writer per room);
//   memory per idle connection and per loaded document (server RSS growth);
//   stored updates/s — writers blasting updates, until a listener in each room has them all.
// Usage: node bench/server-relay.mjs [--seconds 6] [--idle 2000] [--docs 500]   (after npm run sync-server's build)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    idle: { type: 'string', default: '2000' },
    docs: { type: 'string', default: '500' },
  },
});
const SECONDS = Number(values.seconds);
const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'out', 'server', 'cli.mjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'server/vite.config.ts', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);

function waitForLine(child, pattern) {
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = pattern.exec(out);
      if (m) done(m);
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
}

async function startDuet() {
  const data = mkdtempSync(join(tmpdir(), 'duet-bench-'));
  const token = (role) =>
    execFileSync(
      process.execPath,
      [CLI, 'invite', '--data', data, '--workspace', 'bench', '--name', role, '--role', role],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1);
  const writer = token('storyteller');
  const reader = token('viewer');
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [, port] = await waitForLine(child, /listening on ws:\/\/[^:]+:(\d+)/);
  return {
    name: 'duet',
    child,
    // duet=1: Duet's own client asks for the stored/session messages, so the bench pays for them too.
    url: (doc, write) => `ws://127.0.0.1:${port}/bench/playbook/${doc}?token=${write ? writer : reader}&duet=1`,
  };
}

async function startReference() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(root, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForLine(child, /running at/);
  return { name: 'reference', child, url: (doc) => `ws://127.0.0.1:${port}/bench/playbook/${doc}` };
}

const rssBytes = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

function open(url, onFrame = () => {}) {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', onFrame);
    ws.once('open', () => done(ws));
    ws.once('error', fail);
  });
}

function isUpdate(data) {
  const d = decoding.createDecoder(new Uint8Array(data));
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2;
}

function updateFrame(update) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** 100 rooms × 10 clients; one writer per room; 500 updates/s in total, round-robin over rooms. */
async function relayLatency(server) {
  const rooms = [];
  const latencies = [];
  for (let r = 0; r < 100; r++) {
    const room = { sent: [], doc: new Y.Doc(), writer: null };
    for (let c = 0; c < 9; c++) {
      let k = 0;
      await open(server.url(`relay-${r}`, false), (data) => {
        if (isUpdate(data)) latencies.push(performance.now() - room.sent[k++]);
      });
    }
    room.writer = await open(server.url(`relay-${r}`, true));
    rooms.push(room);
  }
  await sleep(300);
  const total = SECONDS * 500;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * 2; // 500/s
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const room = rooms[i % rooms.length];
    let update;
    room.doc.once('update', (u) => (update = u));
    room.doc.getText('t').insert(0, 'x');
    room.sent.push(performance.now());
    room.writer.send(updateFrame(update));
  }
  await sleep(500);
  latencies.sort((a, b) => a - b);
  const expected = total * 9;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), received: latencies.length, expected };
}

async function idleMemory(server, count, docs) {
  const base = rssBytes(server.child.pid);
  const sockets = [];
  for (let i = 0; i < count; i++) sockets.push(await open(server.url(`idle-${i % 10}`, false)));
  await sleep(1000);
  const perConnection = (rssBytes(server.child.pid) - base) / count;
  const before = rssBytes(server.child.pid);
  for (let i = 0; i < docs; i++) sockets.push(await open(server.url(`loaded-${i}`, false)));
  await sleep(1000);
  const perDoc = (rssBytes(server.child.pid) - before) / docs - perConnection;
  for (const ws of sockets) ws.terminate();
  return { perConnection, perDoc };
}

/** 20 rooms, each one writer sending 500 updates back to back and one listener; time until all arrived. */
async function storedThroughput(server) {
  const ROOMS = 20;
  const PER_ROOM = 500;
  let received = 0;
  const writers = [];
  for (let r = 0; r < ROOMS; r++) {
    await open(server.url(`blast-${r}`, false), (data) => void (isUpdate(data) && received++));
    writers.push(await open(server.url(`blast-${r}`, true)));
  }
  const frames = writers.map(() => {
    const doc = new Y.Doc();
    const out = [];
    doc.on('update', (u) => out.push(updateFrame(u)));
    for (let i = 0; i < PER_ROOM; i++) doc.getText('t').insert(i, 'y');
    return out;
  });
  const started = performance.now();
  writers.forEach((ws, r) => frames[r].forEach((f) => ws.send(f)));
  const deadline = started + 60_000;
  while (received < ROOMS * PER_ROOM && performance.now() < deadline) await sleep(2);
  return { perSecond: (received / (performance.now() - started)) * 1000, received, expected: ROOMS * PER_ROOM };
}

const results = {};
for (const start of [startReference, startDuet]) {
  const server = await start();
  try {
    const relay = await relayLatency(server);
    const memory = await idleMemory(server, Number(values.idle), Number(values.docs));
    const stored = await storedThroughput(server);
    results[server.name] = { relay, memory, stored };
  } finally {
    server.child.kill('SIGTERM');
  }
}
const f = (n, d = 2) => n.toFixed(d);
const row = (label, duet, reference, unit) =>
  console.log(
    `${label.padEnd(34)} duet ${duet.padStart(10)} ${unit.padEnd(6)} reference ${reference.padStart(10)} ${unit}`,
  );
const { duet, reference } = results;
console.log(`\n[bench] sync server — 100 rooms × 10 clients, 500 updates/s for ${SECONDS}s, loopback`);
row('relay latency p50', f(duet.relay.p50), f(reference.relay.p50), 'ms');
row('relay latency p99', f(duet.relay.p99), f(reference.relay.p99), 'ms');
row(
  'relayed / expected',
  `${duet.relay.received}/${duet.relay.expected}`,
  `${reference.relay.received}/${reference.relay.expected}`,
  '',
);
row(
  `memory per idle connection (${values.idle})`,
  f(duet.memory.perConnection / 1024, 1),
  f(reference.memory.perConnection / 1024, 1),
  'KiB',
);
row(
  `memory per loaded doc (${values.docs})`,
  f(duet.memory.perDoc / 1024, 1),
  f(reference.memory.perDoc / 1024, 1),
  'KiB',
);
row('updates/s (duet: stored durably)', f(duet.stored.perSecond, 0), f(reference.stored.perSecond, 0), '/s');
console.log(`p99 ratio duet/reference: ${f(duet.relay.p99 / reference.relay.p99)} (target ≤ 1.2, p99 ≤ 10 ms)`);
console.log(`10,000 idle connections ≈ ${f((duet.memory.perConnection * 10_000) / 2 ** 20, 0)} MiB (target ≤ 1024)`);
process.exit(0);
