/**
 * CRM connections in a cluster's PostgreSQL (`duet_crm_connections`). Every node can run the `crm` commands;
 * only the node holding the CRM runner's advisory lock syncs (see `claimRunner`), so two nodes never poll
 * one CRM or write one deal twice.
 */
import type { Pool, PoolClient } from 'pg';
import type { CrmCursor } from '../CrmConnector';
import {
  crmRowValues,
  crmUpsertSql,
  fromCrmRow,
  toCrmRow,
  type CrmConnection,
  type CrmRow,
  type CrmStatus,
  type CrmStore,
} from './CrmStore';

/** The table, created by migratePostgres from `CRM_COLUMNS`. */
export const PG_CRM_TABLE = 'duet_crm_connections';

/** Arbitrary, fixed key of the advisory lock the syncing node holds. */
const RUNNER_LOCK = 7_340_222;

/** `CrmStore` over `duet_crm_connections`. */
export class PgCrmStore implements CrmStore {
  private lockHolder: PoolClient | null = null;

  constructor(private readonly pool: Pool) {}

  async list(): Promise<CrmConnection[]> {
    const { rows } = await this.pool.query<CrmRow>(`SELECT * FROM ${PG_CRM_TABLE} ORDER BY workspace`);
    return rows.map(fromCrmRow);
  }

  async get(workspace: string): Promise<CrmConnection | null> {
    const { rows } = await this.pool.query<CrmRow>(`SELECT * FROM ${PG_CRM_TABLE} WHERE workspace = $1`, [workspace]);
    return rows[0] ? fromCrmRow(rows[0]) : null;
  }

  async put(connection: CrmConnection): Promise<void> {
    await this.pool.query(
      crmUpsertSql(PG_CRM_TABLE, (i) => `$${i}`),
      crmRowValues(toCrmRow(connection)),
    );
  }

  async saveProgress(workspace: string, revision: number, cursor: CrmCursor, status: CrmStatus): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${PG_CRM_TABLE} SET cursor = $1, status = $2 WHERE workspace = $3 AND revision = $4`,
      [JSON.stringify(cursor), JSON.stringify(status), workspace, revision],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async remove(workspace: string): Promise<boolean> {
    const result = await this.pool.query(`DELETE FROM ${PG_CRM_TABLE} WHERE workspace = $1`, [workspace]);
    return (result.rowCount ?? 0) > 0;
  }

  /**
   * True while this node holds the runner lock (a session lock on one pooled connection, kept until the
   * process ends or that connection drops — then another node takes over at its next try).
   */
  async claimRunner(): Promise<boolean> {
    if (this.lockHolder !== null) return true;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RUNNER_LOCK]);
      if (rows[0]?.ok !== true) {
        client.release();
        return false;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    // The connection dropped (the database restarted): the lock went with it. The client goes back to the
    // pool to be discarded — left checked out, it would hold the pool's `end()` (a node's stop) forever.
    client.on('error', (error) => {
      if (this.lockHolder !== client) return;
      this.lockHolder = null;
      client.release(error);
    });
    this.lockHolder = client;
    return true;
  }

  /** Gives the lock back (before the pool closes). */
  releaseRunner(): void {
    const client = this.lockHolder;
    this.lockHolder = null;
    // Releasing with an error destroys the connection, which drops its session lock with it.
    client?.release(new Error('runner stopped'));
  }
}
