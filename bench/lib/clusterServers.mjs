/**
 * The sync servers bench/server-cluster.mjs measures, each started as its own process(es) on loopback: the
 * y-websocket reference, Duet's nodes (SQLite, PostgreSQL, PostgreSQL + Redis) and Hocuspocus (SQLite, Redis).
 * Each start resolves with the same shape: `name`, the wire `protocol` ('y' or 'hocuspocus'),
 * `writeUrl(doc)` / `readUrl(doc)` (writer on the first node, readers on the last), `pids()` and `stop()`.
 */
import { join, resolve } from 'node:path';
import { freePort, spawnUntil as startNode, startYWebsocketServer } from './services.mjs';
import { CLI, mintInvite } from './syncServer.mjs';

const root = resolve(import.meta.dirname, '..', '..');
// DUET_BENCH_CPU_PROF=DIR: every Duet server process writes a V8 CPU profile into DIR when it exits.
const serverNodeArgs = process.env.DUET_BENCH_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.DUET_BENCH_CPU_PROF]
  : [];

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

/** Duet nodes started with `args` (`--data D` or `--database-url U [--redis R]`); writer on the first node. */
export async function startDuet(name, where, nodeCount, redisUrl) {
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

/** One process speaking the Yjs sync protocol at `url(doc)`, writer and readers alike. */
const oneYjsProcess = (name, child, url) => ({
  name,
  protocol: 'y',
  writeUrl: url,
  readUrl: url,
  pids: () => [child.pid],
  stop: () => stopAll([child]),
});

/** The single-node reference: @y/websocket-server, in-memory (`name` tells a second copy of it apart). */
export async function startReference(name = 'y-websocket, in-memory') {
  const { child, url } = await startYWebsocketServer(root, serverNodeArgs);
  return oneYjsProcess(name, child, url);
}

/** `nodeCount` Hocuspocus nodes (bench/lib/hocuspocusServer.mjs with `extra` arguments); writer on the first. */
export async function startHocuspocus(name, nodeCount, extra) {
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

/** The least a PostgreSQL-first server does (bench/lib/storeFirstServer.mjs), on the database `databaseUrl`. */
export async function startStoreFirst(databaseUrl) {
  const port = await freePort();
  const { child } = await spawnUntil(
    [join(root, 'bench', 'lib', 'storeFirstServer.mjs'), '--port', String(port), '--database-url', databaseUrl],
    /listening (\d+)/,
  );
  return oneYjsProcess(
    'y-websocket + a PostgreSQL commit',
    child,
    (doc) => `ws://127.0.0.1:${port}/bench/playbook/${doc}`,
  );
}
