/**
 * Real PostgreSQL and Redis for the cluster tests: each test file starts its own (initdb into a temp
 * folder, free loopback ports) and stops them afterwards. PostgreSQL refuses to run as root, so under root
 * it runs as the `postgres` user. Where either is missing the cluster tests skip and say why — except with
 * CI=true, where a missing one fails the run (CI installs both: .ci/run).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) ? dir : null;
  } catch {
    return null;
  }
}

function findRedis(): string | null {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(path)) return path;
  const which = spawnSync('which', ['redis-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const POSTGRES_BIN = findPostgresBin();
const REDIS_SERVER = findRedis();

/** Why the cluster tests cannot run here, or null when they can. */
export const clusterServicesMissing: string | null =
  [
    POSTGRES_BIN === null ? 'PostgreSQL (initdb/postgres; Debian package postgresql)' : null,
    REDIS_SERVER === null ? 'redis-server (Debian package redis-server)' : null,
  ]
    .filter(Boolean)
    .join(' and ') || null;

if (clusterServicesMissing !== null) {
  if (process.env.CI === 'true') throw new Error(`[cluster tests] CI needs ${clusterServicesMissing}: see .ci/run`);
  console.log(`[cluster tests] skipped: ${clusterServicesMissing} not installed`);
}

/** `describe`, or `describe.skip` (with the reason printed above) where PostgreSQL or Redis is missing. */
export const describeCluster: typeof describe.skip = describe.skipIf(clusterServicesMissing !== null);

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Services still running; one exit hook kills them all if a test file dies without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A running PostgreSQL of one test file. */
export interface Postgres {
  port: number;
  /** `postgres://duet@127.0.0.1:PORT/{database}` */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (connections cut), resolves once it exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

/** initdb into a temp folder and start `postgres` on a free loopback port. */
export async function startPostgres(): Promise<Postgres> {
  if (POSTGRES_BIN === null) throw new Error('PostgreSQL is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'duet-pg-'));
  const data = join(dir, 'data');
  const user = postgresUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const init = spawnSync(
    join(POSTGRES_BIN, 'initdb'),
    ['-D', data, '-U', 'duet', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { encoding: 'utf8', ...user },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';
  const url = (database = 'postgres') => `postgres://duet@127.0.0.1:${port}/${database}`;

  const start = async () => {
    // fsync=off: a commit still reaches the kernel before it returns (survives a kill of postgres or of a
    // node), like the embedded SQLite store's synchronous=NORMAL; tests need no power-loss safety.
    child = spawn(
      join(POSTGRES_BIN, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      { stdio: ['ignore', 'pipe', 'pipe'], ...user },
    );
    track(child);
    child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const exited = child;
    for (let waited = 0; ; waited += 100) {
      if (exited.exitCode !== null) throw new Error(`postgres exited: ${log}`);
      const client = new pg.Client({ connectionString: url() });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        if (waited > 20_000) throw new Error(`postgres did not start: ${log}`);
        await sleep(100);
      }
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGINT'); // fast shutdown
    await exited;
  };
  await start();
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running redis-server of one test file. */
export interface RedisServer {
  port: number;
  url: string;
  /** kill -9, resolves once it exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  if (REDIS_SERVER === null) throw new Error('redis-server is not installed');
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        REDIS_SERVER,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      track(started);
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${out}`));
      });
    });
  const kill = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, kill, start, dispose: kill };
}
