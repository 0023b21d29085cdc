/**
 * The embedded `DocStorage`: one row per update in SQLite, merged into one row by compaction. One process
 * writes a data folder, so the next sequence number is simply the largest stored one plus one, read inside
 * the same IMMEDIATE transaction that inserts.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import {
  assertBatches,
  compactionRange,
  type CompactionReport,
  type DocBatch,
  type DocStorage,
  type StoredUpdate,
} from './DocStorage';

/** `DocStorage` over an open SQLite database (see `openDatabase`). */
export class SqliteDocStorage implements DocStorage {
  private readonly selectRows: StatementSync;
  private readonly selectSizes: StatementSync;
  private readonly selectLastSeq: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly deleteRange: StatementSync;
  // Prepared once: `exec` would parse them again for every transaction, i.e. for every relayed batch.
  private readonly begin: StatementSync;
  private readonly commit: StatementSync;
  private readonly rollback: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.selectRows = db.prepare('SELECT seq, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq');
    this.selectLastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE doc = ?');
    this.insertRow = db.prepare('INSERT INTO updates (doc, seq, data) VALUES (?, ?, ?)');
    this.selectSizes = db.prepare('SELECT seq, length(data) AS bytes FROM updates WHERE doc = ? ORDER BY seq');
    this.deleteRange = db.prepare('DELETE FROM updates WHERE doc = ? AND seq >= ? AND seq <= ?');
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    return this.selectRows
      .all(docName, afterSeq)
      .map((row) => ({ seq: Number(row.seq), update: row.data as Uint8Array }));
  }

  async append(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    const [last] = await this.appendMany([{ docName, updates }]);
    return last!;
  }

  async appendMany(batches: readonly DocBatch[]): Promise<number[]> {
    assertBatches(batches);
    // One transaction for every batch (group commit): once COMMIT returns, every row is in the WAL file.
    return this.transaction(() =>
      batches.map(({ docName, updates }) => {
        let seq = Number((this.selectLastSeq.get(docName) as { seq: number }).seq);
        for (const update of updates) this.insertRow.run(docName, ++seq, update);
        return seq;
      }),
    );
  }

  async compact(docName: string): Promise<CompactionReport> {
    return this.transaction(() => {
      const sizes = this.selectSizes.all(docName).map((row) => ({ seq: Number(row.seq), bytes: Number(row.bytes) }));
      const range = compactionRange(sizes);
      if (range === null) return { rowsBefore: sizes.length, rowsAfter: sizes.length };
      // Only the rows merged are read: a large document's older rows stay on disk.
      const rows = this.selectRows.all(docName, range.from - 1);
      const merged = Y.mergeUpdates(rows.map((row) => row.data as Uint8Array));
      this.deleteRange.run(docName, range.from, range.to);
      this.insertRow.run(docName, range.to, merged);
      return { rowsBefore: sizes.length, rowsAfter: range.rowsAfter };
    });
  }

  /** Folds the WAL into the main file; the database itself belongs to whoever opened it. */
  async close(): Promise<void> {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** Runs `work` in an IMMEDIATE transaction: it takes the write lock first, so what is read is what is written. */
  private transaction<T>(work: () => T): T {
    this.begin.run();
    try {
      const result = work();
      this.commit.run();
      return result;
    } catch (error) {
      this.rollback.run();
      throw error;
    }
  }
}
