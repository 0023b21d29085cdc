/**
 * The embedded `DocStorage`: one row per update in SQLite, merged into one row by compaction.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import type { CompactionReport, DocStorage } from './DocStorage';

/** `DocStorage` over an open SQLite database (see `openDatabase`). */
export class SqliteDocStorage implements DocStorage {
  private readonly selectRows: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly deleteUpTo: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.selectRows = db.prepare('SELECT id, data FROM updates WHERE doc = ? ORDER BY id');
    this.insertRow = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?');
  }

  async load(docName: string): Promise<Uint8Array[]> {
    return this.selectRows.all(docName).map((row) => row.data as Uint8Array);
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    // An autocommit INSERT is one transaction: once run() returns, the row is in the WAL file.
    this.insertRow.run(docName, update);
  }

  async compact(docName: string): Promise<CompactionReport> {
    // IMMEDIATE takes the write lock first, so the rows read are exactly the rows deleted.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const rows = this.selectRows.all(docName);
      const last = rows.at(-1);
      if (rows.length <= 1 || last === undefined) {
        this.db.exec('COMMIT');
        return { rowsBefore: rows.length, rowsAfter: rows.length };
      }
      const merged = Y.mergeUpdates(rows.map((row) => row.data as Uint8Array));
      this.deleteUpTo.run(docName, last.id as number);
      this.insertRow.run(docName, merged);
      this.db.exec('COMMIT');
      return { rowsBefore: rows.length, rowsAfter: 1 };
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Folds the WAL into the main file; the database itself belongs to whoever opened it. */
  async close(): Promise<void> {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}
