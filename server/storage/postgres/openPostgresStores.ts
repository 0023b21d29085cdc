/**
 * The cluster's stores: documents, members and the signing secret in one PostgreSQL database shared by
 * every node. Tables are created or migrated on open (safely when several nodes open at once).
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { PgMemberStore } from '../../auth/PgMemberStore';
import { PgCrmStore } from '../../crm/store/PgCrmStore';
import type { ServerStores } from '../ServerStores';
import { migratePostgres } from './migratePostgres';
import { PgAppendConnection } from './PgAppendConnection';
import { PgDocStorage } from './PgDocStorage';

/** How long connecting, waiting for a pooled connection or a statement may take before it fails. */
const TIMEOUT_MS = 15_000;

/** How to reach the database. */
export interface PostgresOptions {
  /** `postgres://USER[:PASSWORD]@HOST:PORT/DB` */
  databaseUrl: string;
  /** Connections in the pool; default 20. */
  poolSize?: number;
}

/** A `postgres://` URL with its password masked, for logs and errors. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(an invalid database URL)';
  }
}

/** Opens the pool, migrates the schema and returns the stores. */
export async function openPostgresStores(options: PostgresOptions): Promise<ServerStores> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 20,
    // Also how long a query may wait for a free connection: under a burst (many documents compacting at
    // once) a short wait would fail documents that are merely busy. A database that is down refuses at once.
    connectionTimeoutMillis: TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // A database that hangs (rather than refusing) must not hold an append, hence an acknowledgement, forever.
    query_timeout: TIMEOUT_MS,
  });
  // An idle pooled connection that the server drops (restart, failover) errors here; the pool replaces it.
  pool.on('error', (error) => console.warn(`[storage] PostgreSQL connection lost: ${error.message}`));
  // A connection cut while checked out (a transaction under way when the database stops) errors on the
  // client itself; unheard, that error would end the process. The query in flight fails on its own.
  pool.on('connect', (client) =>
    client.on('error', (error) => console.warn(`[storage] PostgreSQL connection lost mid-query: ${error.message}`)),
  );
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new Error(
      `[storage] cannot prepare ${describeDatabaseUrl(options.databaseUrl)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  // Opened on the first append (the CLI's member commands never open it); its watchdog stands for query_timeout.
  // Unlike a pooled connection it is never closed for being idle: TCP keepalive keeps a firewall or NAT between
  // node and database from forgetting it during a quiet night, which would hang the next append until cut.
  const appends = new PgAppendConnection(
    () =>
      new pg.Client({
        connectionString: options.databaseUrl,
        connectionTimeoutMillis: TIMEOUT_MS,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      }),
    TIMEOUT_MS,
  );
  const storage = new PgDocStorage(pool, appends);
  const crm = new PgCrmStore(pool);
  return {
    kind: 'postgres',
    storage,
    members: new PgMemberStore(pool),
    crm,
    async loadSecret() {
      // ON CONFLICT DO NOTHING: when two nodes start at once, one secret wins and both read that one.
      await pool.query('INSERT INTO duet_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
        randomBytes(32),
      ]);
      const { rows } = await pool.query<{ secret: Buffer }>('SELECT secret FROM duet_secret WHERE id = 1');
      const secret = rows[0]?.secret;
      if (secret === undefined || secret.length < 32) throw new Error('[auth] duet_secret holds no 32-byte secret');
      return secret;
    },
    async reachable() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    checkpoint: async () => {},
    async close() {
      crm.releaseRunner();
      await storage.close();
      await pool.end();
    },
  };
}
