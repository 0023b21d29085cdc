/**
 * A real PostgreSQL and redis-server for the cluster benchmark, as the cluster tests start them
 * (tests/unit/server/helpers/clusterServices.ts): initdb into a temp folder, free loopback ports, PostgreSQL
 * as the `postgres` user when run as root. fsync=off puts PostgreSQL in the durability class of the
 * embedded SQLite store (a commit survives a kill of any process, not a power loss), so the figures compare.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A free loopback port. */
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
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
