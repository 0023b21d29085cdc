/**
 * A real PostgreSQL and redis-server for the cluster benchmark, as the cluster tests start them
 * (tests/unit/server/helpers/clusterServices.ts): initdb into a temp folder, free loopback ports, PostgreSQL
 * as the `postgres` user when run as root. fsync=off puts PostgreSQL in the durability class of the
 * embedded SQLite store (a commit survives a kill of any process, not a power loss), so the figures compare.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A free loopback port. */
/**
 * Starts `node [nodeArgs] args` in `cwd`; resolves with the child and the match of `pattern` in its output,
 * rejects if it exits first (with what it printed).
 */
export function spawnUntil(args, pattern, { cwd, env = {}, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) done({ child, match });
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
}

/**
 * The reference: `@y/websocket-server` (in memory, stores nothing) on a free loopback port, started from the
 * project folder `cwd`. `url(doc)` is a document's address on it.
 */
export async function startYWebsocketServer(cwd, nodeArgs = []) {
  const port = await freePort();
  const script = join(cwd, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
  const { child } = await spawnUntil([script], /running at/, {
    cwd,
    nodeArgs,
    env: { HOST: '127.0.0.1', PORT: String(port) },
  });
  return { child, url: (doc) => `ws://127.0.0.1:${port}/bench/playbook/${doc}` };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0] === undefined) throw new Error('[bench] PostgreSQL is not installed (Debian: postgresql)');
  return join(root, versions[0], 'bin');
}

/** Processes whose parent is `pid` (PostgreSQL's backends), read from /proc. */
function childPids(pid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** CPU time (user + system, ms) each of `pids` has used so far; processes that are gone are left out. */
export function cpuSnapshot(pids) {
  const used = new Map();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // utime + stime, at USER_HZ 100
    } catch {
      // exited meanwhile
    }
  }
  return used;
}

/**
 * CPU ms `pids` used since `before` (a `cpuSnapshot`); a process started meanwhile counts in full. CPU
 * time, unlike latency, hardly depends on what else the machine runs: it shows a server's cost per update.
 */
export function cpuSince(before, pids) {
  let total = 0;
  for (const [pid, used] of cpuSnapshot(pids)) total += used - (before.get(pid) ?? 0);
  return total;
}

/** Starts PostgreSQL; resolves with its URL and a stop function. */
export async function startPostgres() {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'duet-bench-pg-'));
  const data = join(dir, 'data');
  const user =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'duet', '-A', 'trust', '--no-sync', '--locale=C'], {
    encoding: 'utf8',
    ...user,
  });
  if (init.status !== 0) throw new Error(`[bench] initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    { stdio: 'ignore', ...user },
  );
  const url = `postgres://duet@127.0.0.1:${port}/postgres`;
  for (let waited = 0; ; waited += 100) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      if (waited > 20_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  let databases = 0;
  return {
    url,
    /** The postmaster and its backends, for CPU accounting. */
    pids: () => [child.pid, ...childPids(child.pid)],
    /** A fresh, empty database (one per measured server, so none reads another's rows). */
    async createDatabase() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const name = `bench${++databases}`;
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts redis-server without persistence; resolves with its URL and a stop function. */
export async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('error', () => reject(new Error('redis-server is not installed (Debian: redis-server)')));
    child.once('exit', (code) => reject(new Error(`[bench] redis-server exited ${code}: ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pids: () => [child.pid],
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
