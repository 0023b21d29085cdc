// Sync servers side by side, every one measured in the same run, each as its own process(es) on loopback:
//   y-websocket (@y/websocket-server, in-memory)          — the single-node reference
//   Duet SQLite, 1 node · Duet PostgreSQL, 1 node            — store before relay
//   Duet PostgreSQL + Redis, 2 nodes (writer on one, readers on the other)
//   Hocuspocus 4 + extension-sqlite, 1 node                — stores on a debounce, after relaying
//   Hocuspocus 4 + extension-redis, 2 nodes (writer on one, readers on the other) — stores nothing
// Figures: relay latency p50/p99 (100 rooms × 10 clients, 500 updates/s, one writer per room) and
// updates/s (20 writers blasting 500 updates each, until the listener of each room has them all; for Duet
// each one is durably stored before it is relayed), and the CPU seconds the server's processes (CPU s) and
// PostgreSQL + Redis (db CPU s) used in each, as "relay|blast": unlike latency, CPU time hardly moves with
// the machine's load, so it shows the cost per update even on a busy machine.
// Targets: Duet single-node p99 ≤ 1.1× the reference, Duet updates/s ≥ 0.8× the reference's, cross-node
// p99 ≤ 1.2× Hocuspocus cross-node p99. A miss prints MISS.
// Usage: node bench/server-cluster.mjs [--seconds 5] [--rounds 3] [--only reference,duetSqlite,…]   (needs PostgreSQL
//   and redis-server, see .ci/run)
//   DUET_BENCH_CPU_PROF=DIR: every Duet server process writes a V8 CPU profile (--cpu-prof) into DIR when it
//   exits (the peers are killed by SIGTERM and write none); its relay phase follows the connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { median } from './lib/stats.mjs';
import { buildSyncServer, CLI, mintInvite } from './lib/syncServer.mjs';
import {
  cpuSince,
  cpuSnapshot,
  freePort,
  startPostgres,
  startRedis,
  spawnUntil as startNode,
  startYWebsocketServer,
} from './lib/services.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
/**
 * Relay rounds per server, the servers taking turns (reference, Duet SQLite, …, then again): a p99 of one
 * 5 s window on this 2-core machine swung 2× and more from run to run (the reference's 2.5–11 ms, once 80),
 * so each latency figure is the median of the rounds', every round printed. Throughput is measured once.
 */
const ROUNDS = Number(values.rounds);
const root = resolve(import.meta.dirname, '..');
const serverNodeArgs = process.env.DUET_BENCH_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.DUET_BENCH_CPU_PROF]
  : [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `args` with node in the project folder (see bench/lib/services.mjs). */
function spawnUntil(args, pattern, env = {}) {
  return startNode(args, pattern, { cwd: root, env, nodeArgs: serverNodeArgs });
}

const stopAll = async (children) =>
  Promise.all(
    children.map((child) => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      return exited;
    }),
  );

// ── servers ────────────────────────────────────────────────────────────────────────────────────────────────

/** Duet nodes started with `args` (`--data D` or `--database-url U [--redis R]`); writer on the first node. */
async function startDuet(name, where, nodeCount, redisUrl) {
  const invite = (role) => mintInvite(where, role);
  const writer = invite('storyteller');
  const reader = invite('viewer');
  const nodes = [];
  for (let i = 0; i < nodeCount; i++) {
    const extra = redisUrl ? ['--redis', redisUrl] : [];
    nodes.push(await spawnUntil([CLI, '--port', '0', ...where, ...extra], /listening on ws:\/\/[^:]+:(\d+)/));
  }
  const ports = nodes.map((n) => n.match[1]);
  // duet=1: Duet's own client asks for the stored/session messages, so the bench pays for them too.
  const url = (port, doc, token) => `ws://127.0.0.1:${port}/bench/playbook/${doc}?token=${token}&duet=1`;
  return {
    name,
    protocol: 'y',
    writeUrl: (doc) => url(ports[0], doc, writer),
    readUrl: (doc) => url(ports.at(-1), doc, reader),
    pids: () => nodes.map((n) => n.child.pid),
    stop: () => stopAll(nodes.map((n) => n.child)),
  };
}

async function startReference() {
  const { child, url } = await startYWebsocketServer(root, serverNodeArgs);
  return {
    name: 'y-websocket, in-memory',
    protocol: 'y',
    writeUrl: url,
    readUrl: url,
    pids: () => [child.pid],
    stop: () => stopAll([child]),
  };
}

async function startHocuspocus(name, nodeCount, extra) {
  const nodes = [];
  for (let i = 0; i < nodeCount; i++) {
    const port = await freePort();
    nodes.push(
      await spawnUntil(
        [join(root, 'bench', 'lib', 'hocuspocusServer.mjs'), '--port', String(port), ...extra],
        /listening (\d+)/,
      ),
    );
  }
  const ports = nodes.map((n) => n.match[1]);
  return {
    name,
    protocol: 'hocuspocus',
    writeUrl: (doc) => `ws://127.0.0.1:${ports[0]}/${doc}`,
    readUrl: (doc) => `ws://127.0.0.1:${ports.at(-1)}/${doc}`,
    pids: () => nodes.map((n) => n.child.pid),
    stop: () => stopAll(nodes.map((n) => n.child)),
  };
}

// ── wire ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Hocuspocus multiplexes documents over one socket: every message starts with the document name. */
function frame(protocol, doc, write) {
  const e = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(e, `bench/playbook/${doc}`);
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (protocol, doc, update) =>
  frame(
    protocol,
    doc,
    (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)),
  );

/**
 * The Yjs update a received frame carries (sync step 2 or update), or null. Readers count characters, not
 * frames: a server may merge several updates into one frame (Duet's nodes forward one merged update per
 * stored batch to each other).
 */
function updateOf(protocol, data) {
  const d = decoding.createDecoder(new Uint8Array(data));
  if (protocol === 'hocuspocus') decoding.readVarString(d);
  if (decoding.readVarUint(d) !== 0) return null;
  const step = decoding.readVarUint(d);
  return step === 1 || step === 2 ? decoding.readVarUint8Array(d) : null;
}

/**
 * Opens a client; a Hocuspocus client authenticates and sends its sync step 1 as HocuspocusProvider does.
 * `onText(length)` is called with the length of text `t` as of every received update.
 */
function open(server, doc, write, onText = () => {}) {
  const url = write ? server.writeUrl(doc) : server.readUrl(doc);
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    let length = 0;
    ws.on('message', (data) => {
      const update = updateOf(server.protocol, data);
      if (update === null) return;
      // Only the writer inserts, one character per clock tick: the highest clock an update reaches is the text's
      // length once it is in. Read from the update's header instead of applying it to a copy, so that the load
      // generator's own work (4,500 receptions a second) stays small beside the servers' it measures.
      for (const clock of Y.parseUpdateMeta(update).to.values()) length = Math.max(length, clock);
      onText(length);
    });
    ws.once('open', () => {
      if (server.protocol === 'hocuspocus') {
        ws.send(
          frame(
            'hocuspocus',
            doc,
            (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, 'bench')),
          ),
        );
        ws.send(
          frame(
            'hocuspocus',
            doc,
            (e) => (
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
            ),
          ),
        );
      }
      done(ws);
    });
    ws.once('error', fail);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// ── measurements ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * CPU ms the server's processes and PostgreSQL + Redis use between `start()` and `stop()` (connecting the
 * clients is left out: it is not what the figures compare).
 */
function cpuMeter(server) {
  const services = () => [...(postgres?.pids() ?? []), ...(redis?.pids() ?? [])];
  let before = null;
  return {
    start: () => (before = { server: cpuSnapshot(server.pids?.() ?? []), services: cpuSnapshot(services()) }),
    stop: () => ({
      server: cpuSince(before.server, server.pids?.() ?? []),
      services: cpuSince(before.services, services()),
    }),
  };
}

/** 100 rooms × 10 clients (1 writer, 9 readers); 500 updates/s in total, round-robin over rooms. */
async function relayLatency(server, seconds = SECONDS) {
  const rooms = [];
  const latencies = [];
  for (let r = 0; r < 100; r++) {
    const room = { sent: [], doc: new Y.Doc(), writer: null, name: `relay-${r}` };
    for (let c = 0; c < 9; c++) {
      let seen = 0;
      // The k-th update the writer sent made the text k characters long.
      await open(server, room.name, false, (length) => {
        const now = performance.now();
        for (; seen < length; seen++) latencies.push(now - room.sent[seen]);
      });
    }
    room.writer = await open(server, room.name, true);
    rooms.push(room);
  }
  await sleep(500);
  const total = seconds * 500;
  const meter = cpuMeter(server);
  meter.start();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + i * 2 - performance.now();
    if (wait > 1) await sleep(wait);
    const room = rooms[i % rooms.length];
    let update;
    room.doc.once('update', (u) => (update = u));
    room.doc.getText('t').insert(0, 'x');
    room.sent.push(performance.now());
    room.writer.send(updateFrame(server.protocol, room.name, update));
  }
  await sleep(1000);
  const cpu = meter.stop();
  latencies.sort((a, b) => a - b);
  return {
    cpu,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    received: latencies.length,
    expected: total * 9,
  };
}

/** 20 rooms, one writer sending 500 updates back to back and one listener each; time until all arrived. */
async function throughput(server) {
  const ROOMS = 20;
  const PER_ROOM = 500;
  const lengths = new Array(ROOMS).fill(0);
  let received = 0;
  const writers = [];
  for (let r = 0; r < ROOMS; r++) {
    await open(server, `blast-${r}`, false, (length) => {
      received += length - lengths[r];
      lengths[r] = length;
    });
    writers.push(await open(server, `blast-${r}`, true));
  }
  await sleep(300);
  const frames = writers.map((_, r) => {
    const doc = new Y.Doc();
    const out = [];
    doc.on('update', (u) => out.push(updateFrame(server.protocol, `blast-${r}`, u)));
    for (let i = 0; i < PER_ROOM; i++) doc.getText('t').insert(i, 'y');
    return out;
  });
  const meter = cpuMeter(server);
  meter.start();
  const started = performance.now();
  writers.forEach((ws, r) => frames[r].forEach((f) => ws.send(f)));
  const deadline = started + 60_000;
  while (received < ROOMS * PER_ROOM && performance.now() < deadline) await sleep(2);
  const perSecond = (received / (performance.now() - started)) * 1000;
  return { perSecond, received, expected: ROOMS * PER_ROOM, cpu: meter.stop() };
}

// ── run ────────────────────────────────────────────────────────────────────────────────────────────────────

buildSyncServer();
let postgres;
let redis;
try {
  postgres = await startPostgres();
  redis = await startRedis();
} catch (error) {
  // A laptop without them still runs the rest of `npm run bench`; CI installs both (.ci/run).
  console.log(`[bench] cluster benchmark skipped: ${error.message}`);
  await postgres?.stop();
  process.exit(0);
}
/** The rounds' relay figures as one: each latency and CPU figure the median of the rounds'. */
function medianRelay(relays) {
  return {
    p50: median(relays.map((r) => r.p50)),
    p99: median(relays.map((r) => r.p99)),
    received: relays.reduce((n, r) => n + r.received, 0),
    expected: relays.reduce((n, r) => n + r.expected, 0),
    cpu: {
      server: median(relays.map((r) => r.cpu.server)),
      services: median(relays.map((r) => r.cpu.services)),
    },
  };
}

const temp = mkdtempSync(join(tmpdir(), 'duet-bench-cluster-'));
const targets = [
  ['reference', () => startReference()],
  ['duetSqlite', (round) => startDuet('Duet SQLite, 1 node', ['--data', join(temp, `sqlite-${round}`)], 1)],
  [
    'duetPostgres',
    async () => startDuet('Duet PostgreSQL, 1 node', ['--database-url', await postgres.createDatabase()], 1),
  ],
  [
    'duetCluster',
    async () =>
      startDuet('Duet PostgreSQL + Redis, 2 nodes', ['--database-url', await postgres.createDatabase()], 2, redis.url),
  ],
  [
    'hocuspocusSqlite',
    (round) =>
      startHocuspocus('Hocuspocus + SQLite, 1 node', 1, ['--sqlite', join(temp, `hocuspocus-${round}.sqlite`)]),
  ],
  ['hocuspocusCluster', () => startHocuspocus('Hocuspocus + Redis, 2 nodes', 2, ['--redis-port', String(redis.port)])],
];
const results = {};
try {
  // The bench client itself warms up (JIT, sockets) on a throwaway pass, so the first server is not penalized.
  const warmup = await startReference();
  await relayLatency(warmup, 2).finally(() => warmup.stop());
  const chosen = targets.filter(([key]) => values.only === undefined || values.only.split(',').includes(key));
  const runs = {};
  for (let round = 0; round < ROUNDS; round++)
    for (const [key, start] of chosen) {
      const server = await start(round);
      try {
        const entry = (runs[key] ??= { name: server.name, relays: [], stored: null });
        entry.relays.push(await relayLatency(server));
        if (round === 0) entry.stored = await throughput(server);
      } finally {
        await server.stop();
      }
    }
  for (const [key, { name, relays, stored }] of Object.entries(runs))
    results[key] = { name, relay: medianRelay(relays), stored, rounds: relays.map((r) => r.p99) };
} finally {
  await redis.stop();
  await postgres.stop();
  rmSync(temp, { recursive: true, force: true });
}

const f = (n, d = 2) => n.toFixed(d);
/** "relay|blast" CPU seconds of `who` ('server' or 'services'). */
const cpu = (relay, stored, who) => `${f(relay.cpu[who] / 1000)}|${f(stored.cpu[who] / 1000)}`;
console.log(
  `\n[bench] sync servers — 100 rooms × 10 clients, 500 updates/s for ${SECONDS}s; 20 × 500 updates blasted; loopback`,
);
console.log(
  `${'server'.padEnd(36)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'relayed'.padStart(14)}${'updates/s'.padStart(11)}${'CPU s'.padStart(12)}${'db CPU s'.padStart(12)}  note`,
);
for (const { name, relay, stored } of Object.values(results)) {
  const note = name.startsWith('Duet')
    ? 'stored before relay'
    : name.includes('SQLite')
      ? 'stored on a debounce, after relay'
      : 'not stored';
  console.log(
    `${name.padEnd(36)}${f(relay.p50).padStart(9)}${f(relay.p99).padStart(9)}${`${relay.received}/${relay.expected}`.padStart(14)}${f(stored.perSecond, 0).padStart(11)}${cpu(relay, stored, 'server').padStart(12)}${cpu(relay, stored, 'services').padStart(12)}  ${note}`,
  );
}
console.log(
  `p99 ms per round (${ROUNDS} rounds, the servers taking turns; the table gives the median): ${Object.values(results)
    .map(({ name, rounds }) => `${name} ${rounds.map((v) => f(v)).join(' / ')}`)
    .join('; ')}`,
);
const { reference, duetSqlite, duetPostgres, duetCluster, hocuspocusCluster } = results;
const check = (label, value, limit, lowerIsBetter = true) =>
  console.log(
    `${(lowerIsBetter ? value <= limit : value >= limit) ? 'ok  ' : 'MISS'} ${label}: ${f(value)} (target ${lowerIsBetter ? '≤' : '≥'} ${f(limit)})`,
  );
if (reference && duetSqlite && duetPostgres && duetCluster && hocuspocusCluster) {
  check('Duet SQLite p99 / reference p99', duetSqlite.relay.p99 / reference.relay.p99, 1.1);
  check('Duet PostgreSQL p99 / reference p99', duetPostgres.relay.p99 / reference.relay.p99, 1.1);
  check(
    'Duet SQLite updates/s / reference updates/s',
    duetSqlite.stored.perSecond / reference.stored.perSecond,
    0.8,
    false,
  );
  check(
    'Duet PostgreSQL updates/s / reference updates/s',
    duetPostgres.stored.perSecond / reference.stored.perSecond,
    0.8,
    false,
  );
  check('Duet cross-node p99 / Hocuspocus cross-node p99', duetCluster.relay.p99 / hocuspocusCluster.relay.p99, 1.2);
}
process.exit(0);
