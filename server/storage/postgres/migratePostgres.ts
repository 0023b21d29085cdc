/**
 * The cluster's tables in PostgreSQL, created or migrated on every start. Several nodes may start at the
 * same moment, and `CREATE TABLE IF NOT EXISTS` is not safe against itself, so the whole migration runs in
 * one transaction under an advisory lock: the first node creates, the others wait and find everything there.
 */
import type { Pool } from 'pg';
import { PG_CRM_TABLE } from '../../crm/store/PgCrmStore';
import { crmTableSql } from '../../crm/store/CrmStore';

/** Schema version this code writes; a database ahead of it was migrated by a newer Duet and is refused. */
export const SCHEMA_VERSION = 2;

/** Arbitrary, fixed key of the advisory lock that serializes migrations. */
const MIGRATION_LOCK = 7_340_221;

const STEPS: readonly string[] = [
  // Version 1: documents (per-document sequence numbers), members, the token-signing secret.
  `CREATE TABLE duet_docs (doc TEXT PRIMARY KEY, seq BIGINT NOT NULL);
   CREATE TABLE duet_updates (
     doc TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE duet_members (
     id TEXT PRIMARY KEY,
     workspace TEXT NOT NULL,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT,
     last_seen_at BIGINT
   );
   CREATE INDEX duet_members_by_workspace ON duet_members (workspace, created_at, id);
   CREATE TABLE duet_secret (id INT PRIMARY KEY CHECK (id = 1), secret BYTEA NOT NULL);`,
  // Version 2: members' e-mail (CRM owners are matched by it), CRM connections (docs/CRM.md).
  `ALTER TABLE duet_members ADD COLUMN email TEXT;
   ${crmTableSql(PG_CRM_TABLE, { bigint: true })};`,
];

/** Brings the database to `SCHEMA_VERSION`; safe to run from several nodes at once. */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS duet_schema (version INT NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM duet_schema');
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `[storage] the database was migrated by a newer Duet (schema ${current}, this one knows ${SCHEMA_VERSION}); upgrade this node`,
      );
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) await client.query(STEPS[version - 1]!);
    if (rows.length === 0) await client.query('INSERT INTO duet_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else await client.query('UPDATE duet_schema SET version = $1', [SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    // A failed ROLLBACK means the connection is gone: release(error) below discards it instead of pooling it.
    await client.query('ROLLBACK').catch(() => undefined);
    failure = error as Error;
    throw error;
  } finally {
    client.release(failure);
  }
}
