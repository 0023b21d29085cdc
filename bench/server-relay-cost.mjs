// What one relayed update costs each sync server in CPU time, beside the reference y-websocket server
// (@y/websocket-server, in-memory) measured in the same run: 10 rooms × (1 writer + 9 readers), ONE update
// at a time — the next leaves when all 9 readers have the last — so every update is its own turn, its own
// batch and (for Duet) its own commit, whatever the machine's load. The paced relay phase of
// bench/server-cluster.mjs cannot promise that: on a busy machine its sender falls behind and catches up in
// bursts, which share turns and commits, so its CPU seconds drift with the load. Warm-up (500 updates) is
// not counted. Columns: server process CPU and PostgreSQL CPU (all its processes) per update, in µs.
// Usage: node bench/server-relay-cost.mjs [--updates 4000]   (needs PostgreSQL for its row, see .ci/run)
//   DUET_BENCH_CPU_PROF=DIR: each Duet server process writes a V8 CPU profile (--cpu-prof) into DIR when it
//   exits (the reference, ended by SIGTERM, writes none); warm-up, connections and shutdown are in it too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildSyncServer, CLI, mintInvite } from './lib/syncServer.mjs';
import {
  cpuSince,
  cpuSnapshot,
  startPostgres,
  spawnUntil as startNode,
  startYWebsocketServer,
} from './lib/services.mjs';

const { values } = parseArgs({ options: { updates: { type: 'string', default: '4000' } } });
const UPDATES = Number(values.updates);
const WARM_UP = 500;
const root = resolve(import.meta.dirname, '..');
const serverNodeArgs = process.env.DUET_BENCH_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.DUET_BENCH_CPU_PROF]
  : [];

/** Starts `args` with node in the project folder (see bench/lib/services.mjs). */
function spawnUntil(args, pattern, env = {}) {
  return startNode(args, pattern, { cwd: root, env, nodeArgs: serverNodeArgs });
}

async function startReference() {
  const { child, url } = await startYWebsocketServer(root, serverNodeArgs);
  return { name: 'y-websocket, in-memory', child, writeUrl: url, readUrl: url };
}

/** A Duet node on `where` (`--data D` or `--database-url U`); its clients ask for Duet's messages (duet=1). */
async function startDuet(name, where) {
  const invite = (role) => mintInvite(where, role);
  const [writer, reader] = [invite('storyteller'), invite('viewer')];
  const { child, match } = await spawnUntil([CLI, '--port', '0', ...where], /listening on ws:\/\/[^:]+:(\d+)/);
  const url = (doc, token) => `ws://127.0.0.1:${match[1]}/bench/playbook/${doc}?token=${token}&duet=1`;
  return { name, child, writeUrl: (doc) => url(doc, writer), readUrl: (doc) => url(doc, reader) };
}

/** Opens a client; `onUpdate` is called for every sync step 2 or update it receives. */
function open(url, onUpdate = () => {}) {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === 0 && [1, 2].includes(decoding.readVarUint(decoder))) onUpdate();
    });
    ws.once('open', () => done(ws));
    ws.once('error', fail);
  });
}

/** Sends updates one at a time; returns the server's and PostgreSQL's CPU µs per update after the warm-up. */
async function measure(server, servicePids) {
  let received = 0;
  let awaited = 0;
  let arrived = () => {};
  const rooms = [];
  for (let r = 0; r < 10; r++) {
    const name = `cost-${r}`;
    for (let c = 0; c < 9; c++) await open(server.readUrl(name), () => ++received >= awaited && arrived());
    rooms.push({ name, doc: new Y.Doc(), writer: await open(server.writeUrl(name)) });
  }
  const relayOne = (i) => {
    const room = rooms[i % rooms.length];
    let update;
    room.doc.once('update', (u) => (update = u));
    room.doc.getText('t').insert(0, 'x');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
    awaited += 9;
    const done = new Promise((resolve) => (arrived = resolve));
    room.writer.send(encoding.toUint8Array(e));
    return done;
  };
  for (let i = 0; i < WARM_UP; i++) await relayOne(i);
  const server0 = cpuSnapshot([server.child.pid]);
  const services0 = cpuSnapshot(servicePids());
  for (let i = WARM_UP; i < WARM_UP + UPDATES; i++) await relayOne(i);
  const perUpdate = (ms) => (ms * 1000) / UPDATES;
  const result = {
    server: perUpdate(cpuSince(server0, [server.child.pid])),
    db: perUpdate(cpuSince(services0, servicePids())),
  };
  for (const room of rooms) room.writer.terminate();
  return result;
}

buildSyncServer();
const postgres = await startPostgres().catch(
  (error) => (console.log(`[bench] no PostgreSQL row: ${error.message}`), null),
);
const temp = mkdtempSync(join(tmpdir(), 'duet-bench-cost-'));
const starts = [
  () => startReference(),
  () => startDuet('Duet SQLite, 1 node', ['--data', join(temp, 'sqlite')]),
  ...(postgres
    ? [async () => startDuet('Duet PostgreSQL, 1 node', ['--database-url', await postgres.createDatabase()])]
    : []),
];
const rows = [];
try {
  for (const start of starts) {
    const server = await start();
    try {
      rows.push({ name: server.name, ...(await measure(server, () => postgres?.pids() ?? [])) });
    } finally {
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
} finally {
  await postgres?.stop();
  rmSync(temp, { recursive: true, force: true });
}
console.log(`\n[bench] CPU per relayed update — 10 rooms × 10 clients, ${UPDATES} updates one at a time; loopback`);
console.log(`${'server'.padEnd(28)}${'server µs'.padStart(11)}${'db µs'.padStart(8)}${'× reference'.padStart(13)}`);
for (const { name, server, db } of rows) {
  const ratio = (server + db) / rows[0].server;
  console.log(
    `${name.padEnd(28)}${server.toFixed(0).padStart(11)}${db.toFixed(0).padStart(8)}${ratio.toFixed(2).padStart(13)}`,
  );
}
process.exit(0);
