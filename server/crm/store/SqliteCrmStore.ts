/**
 * CRM connections in the server's SQLite file (`crm_connections`), shared with the `crm` commands through
 * WAL like the members table.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CrmCursor } from '../CrmConnector';
import { fromCrmRow, toCrmRow, type CrmConnection, type CrmRow, type CrmStatus, type CrmStore } from './CrmStore';

const SCHEMA = `CREATE TABLE IF NOT EXISTS crm_connections (
  workspace TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  settings TEXT NOT NULL,
  credentials TEXT NOT NULL,
  cursor TEXT NOT NULL,
  status TEXT NOT NULL,
  revision INTEGER NOT NULL
)`;

/** `CrmStore` over `crm_connections`. */
export class SqliteCrmStore implements CrmStore {
  private readonly all: StatementSync;
  private readonly one: StatementSync;
  private readonly upsert: StatementSync;
  private readonly progress: StatementSync;
  private readonly del: StatementSync;

  constructor(db: DatabaseSync) {
    db.exec(SCHEMA);
    this.all = db.prepare('SELECT * FROM crm_connections ORDER BY workspace');
    this.one = db.prepare('SELECT * FROM crm_connections WHERE workspace = ?');
    this.upsert = db.prepare(
      `INSERT INTO crm_connections (workspace, provider, settings, credentials, cursor, status, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace) DO UPDATE SET provider = excluded.provider, settings = excluded.settings,
         credentials = excluded.credentials, cursor = excluded.cursor, status = excluded.status,
         revision = excluded.revision`,
    );
    this.progress = db.prepare(
      'UPDATE crm_connections SET cursor = ?, status = ? WHERE workspace = ? AND revision = ?',
    );
    this.del = db.prepare('DELETE FROM crm_connections WHERE workspace = ?');
  }

  async list(): Promise<CrmConnection[]> {
    return (this.all.all() as unknown as CrmRow[]).map(fromCrmRow);
  }

  async get(workspace: string): Promise<CrmConnection | null> {
    const row = this.one.get(workspace) as unknown as CrmRow | undefined;
    return row ? fromCrmRow(row) : null;
  }

  async put(connection: CrmConnection): Promise<void> {
    const r = toCrmRow(connection);
    this.upsert.run(r.workspace, r.provider, r.settings, r.credentials, r.cursor, r.status, r.revision);
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
