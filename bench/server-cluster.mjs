// Sync servers side by side, every one measured in the same run, each as its own process(es) on loopback:
//   y-websocket (@y/websocket-server, in-memory)          — the single-node reference
//   Duet SQLite, 1 node · Duet PostgreSQL, 1 node            — store before relay
//   Duet PostgreSQL + Redis, 2 nodes (writer on one, readers on the other)
//   Hocuspocus 4 + extension-sqlite, 1 node                — stores on a debounce, after relaying
//   Hocuspocus 4 + extension-redis, 2 nodes (writer on one, readers on the other) — stores nothing
//   y-websocket + a PostgreSQL commit (bench/lib/storeFirstServer.mjs) — not a peer: the floor under any
//     server that commits to PostgreSQL before relaying, on this machine
//   y-websocket again, under another name — not a peer: the A/A control. The same server measured twice in
//     every round shows how far two measurements of one server differ in this run; a ratio between two
//     servers inside that spread is not a difference this run can show.
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
// The servers are started by bench/lib/clusterServers.mjs, the clients and the two measurements are in
// bench/lib/relayLoad.mjs; this file runs them in turns and prints the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDuet, startHocuspocus, startReference, startStoreFirst } from './lib/clusterServers.mjs';
import { connectRelay, pooledPercentiles, throughput, WARMUP_SECONDS } from './lib/relayLoad.mjs';
import { startPostgres, startRedis } from './lib/services.mjs';
import { median } from './lib/stats.mjs';
import { buildSyncServer } from './lib/syncServer.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
/**
 * Relay rounds per server, the servers taking turns (reference, Duet SQLite, …, then again), each round a
 * fresh process warmed up for WARMUP_SECONDS (bench/lib/relayLoad.mjs) before its measured window: a p99 of
 * one window on this 2-core machine swings (the reference's 0.59–1.32 ms in one run), because it is the 1%
 * of latencies that a few stalls set (the machine's own services took up to 48 ms of a core at a time, seen
 * with `perf sched`). So each latency figure is taken from the rounds' latencies pooled (the per-round p99s
 * are printed too). Throughput is measured once, after the first round's window.
 */
const ROUNDS = Number(values.rounds);

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
/** PostgreSQL's and Redis's processes, whose CPU time each measurement counts as "db CPU s". */
const servicePids = () => [...(postgres?.pids() ?? []), ...(redis?.pids() ?? [])];
/** The rounds' relay figures as one: latencies pooled, each CPU figure the median of the rounds'. */
function pooledRelay(relays) {
  return {
    ...pooledPercentiles(relays),
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
  // Not a peer: the floor under Duet PostgreSQL's p99 — the reference's relay with one commit awaited first.
  ['storeFirst', async () => startStoreFirst(await postgres.createDatabase())],
  // Not a peer: the A/A control, the reference again; measured between the others, not right after itself.
  ['referenceAgain', () => startReference('y-websocket again (A/A control)')],
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
/** What each server does with an update, for the table's last column. */
const STORES = {
  reference: 'not stored',
  duetSqlite: 'stored before relay',
  duetPostgres: 'stored before relay',
  storeFirst: 'committed before relay, nothing else',
  referenceAgain: 'nothing; the reference measured again',
  duetCluster: 'stored before relay',
  hocuspocusSqlite: 'stored on a debounce, after relay',
  hocuspocusCluster: 'not stored',
};
const results = {};
try {
  // The bench client itself warms up (JIT, sockets) on a throwaway pass, so the first server is not penalized.
  const warmup = await startReference();
  const warmupRelay = await connectRelay(warmup);
  await warmupRelay.warm(2);
  warmupRelay.close();
  await warmup.stop();
  const chosen = targets.filter(([key]) => values.only === undefined || values.only.split(',').includes(key));
  const runs = {};
  // A fresh process per round, warmed up before its window, alone on the machine: a server kept running
  // between its turns would be idle for minutes, and Hocuspocus hangs up on clients silent for 60 s.
  for (let round = 0; round < ROUNDS; round++)
    for (const [key, start] of chosen) {
      const server = await start(round);
      try {
        const entry = (runs[key] ??= { name: server.name, relays: [], stored: null });
        const relay = await connectRelay(server);
        await relay.warm();
        entry.relays.push(await relay.measure(SECONDS, servicePids));
        relay.close();
        if (round === 0) entry.stored = await throughput(server, servicePids);
      } finally {
        await server.stop();
      }
    }
  for (const [key, { name, relays, stored }] of Object.entries(runs))
    results[key] = { name, relay: pooledRelay(relays), stored, rounds: relays.map((r) => r.p99) };
} finally {
  await redis.stop();
  await postgres.stop();
  rmSync(temp, { recursive: true, force: true });
}

const f = (n, d = 2) => n.toFixed(d);
/** "relay|blast" CPU seconds of `who` ('server' or 'services'). */
const cpu = (relay, stored, who) => `${f(relay.cpu[who] / 1000)}|${f(stored.cpu[who] / 1000)}`;
console.log(
  `\n[bench] sync servers — 100 rooms × 10 clients, 500 updates/s for ${SECONDS}s after ${WARMUP_SECONDS}s unmeasured, ${ROUNDS} rounds pooled; 20 × 500 updates blasted; loopback`,
);
console.log(
  `${'server'.padEnd(36)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'relayed'.padStart(14)}${'updates/s'.padStart(11)}${'CPU s'.padStart(12)}${'db CPU s'.padStart(12)}  note`,
);
for (const [key, { name, relay, stored }] of Object.entries(results)) {
  const note = STORES[key];
  console.log(
    `${name.padEnd(36)}${f(relay.p50).padStart(9)}${f(relay.p99).padStart(9)}${`${relay.received}/${relay.expected}`.padStart(14)}${f(stored.perSecond, 0).padStart(11)}${cpu(relay, stored, 'server').padStart(12)}${cpu(relay, stored, 'services').padStart(12)}  ${note}`,
  );
}
console.log(
  `p99 ms per round (${ROUNDS} rounds, the servers taking turns; the table pools their latencies): ${Object.values(
    results,
  )
    .map(({ name, rounds }) => `${name} ${rounds.map((v) => f(v)).join(' / ')}`)
    .join('; ')}`,
);
const { reference, referenceAgain, duetSqlite, duetPostgres, duetCluster, hocuspocusCluster, storeFirst } = results;
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
if (reference && referenceAgain)
  console.log(
    `A/A control: the reference measured again, as another server in every round — p99 ${f(referenceAgain.relay.p99 / reference.relay.p99)}×, p50 ${f(referenceAgain.relay.p50 / reference.relay.p50)}× the first measurement's. One server against itself: a single-node ratio within this distance of 1 is inside this run's noise.`,
  );
if (reference && storeFirst)
  console.log(
    `floor: one PostgreSQL commit before each relay, nothing else — p99 ${f(storeFirst.relay.p99 / reference.relay.p99)}× the reference's${duetPostgres ? `; Duet PostgreSQL ${f(duetPostgres.relay.p99 / storeFirst.relay.p99)}× that floor` : ''}`,
  );
process.exit(0);
