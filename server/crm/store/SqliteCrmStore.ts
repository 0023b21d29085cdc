/**
 * CRM connections in the server's SQLite file (`crm_connections`), shared with the `crm` commands through
 * WAL like the members table.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CrmCursor } from '../CrmConnector';
import {
  crmRowValues,
  crmTableSql,
  crmUpsertSql,
  fromCrmRow,
  toCrmRow,
  type CrmConnection,
  type CrmRow,
  type CrmStatus,
  type CrmStore,
} from './CrmStore';

const TABLE = 'crm_connections';

/** `CrmStore` over `crm_connections`. */
export class SqliteCrmStore implements CrmStore {
  private readonly all: StatementSync;
  private readonly one: StatementSync;
  private readonly upsert: StatementSync;
  private readonly progress: StatementSync;
  private readonly del: StatementSync;

  constructor(db: DatabaseSync) {
    db.exec(crmTableSql(TABLE, { ifNotExists: true }));
    this.all = db.prepare(`SELECT * FROM ${TABLE} ORDER BY workspace`);
    this.one = db.prepare(`SELECT * FROM ${TABLE} WHERE workspace = ?`);
    this.upsert = db.prepare(crmUpsertSql(TABLE, () => '?'));
    this.progress = db.prepare(`UPDATE ${TABLE} SET cursor = ?, status = ? WHERE workspace = ? AND revision = ?`);
    this.del = db.prepare(`DELETE FROM ${TABLE} WHERE workspace = ?`);
  }

  async list(): Promise<CrmConnection[]> {
    return (this.all.all() as unknown as CrmRow[]).map(fromCrmRow);
  }

  async get(workspace: string): Promise<CrmConnection | null> {
    const row = this.one.get(workspace) as unknown as CrmRow | undefined;
    return row ? fromCrmRow(row) : null;
  }

  async put(connection: CrmConnection): Promise<void> {
    this.upsert.run(...crmRowValues(toCrmRow(connection)));
  }

  async saveProgress(workspace: string, revision: number, cursor: CrmCursor, status: CrmStatus): Promise<boolean> {
    return this.progress.run(JSON.stringify(cursor), JSON.stringify(status), workspace, revision).changes > 0;
  }

  async claimRunner(): Promise<boolean> {
    return true;
  }

  releaseRunner(): void {}

  async remove(workspace: string): Promise<boolean> {
    return this.del.run(workspace).changes > 0;
  }
}
