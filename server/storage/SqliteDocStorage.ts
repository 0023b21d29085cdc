/**
 * The embedded `DocStorage`: one row per update in SQLite, merged into one row by compaction. One process
 * writes a data folder, so the next sequence number is simply the largest stored one plus one.
 *
 * The process that serves the folder writes through journals (JournaledUpdates): appends are written there
 * in one `write` and moved into the database in bulk shortly after by its database worker, on a timer,
 * before a compaction, before a large append and on close (`flush`); until then `load` adds them from
 * memory. Opening the journals moves what a killed server left in them into the database first. Any other
 * process (the CLI) opens the folder without them: its appends go straight to the database, and its `load`
 * also reads the journal files, so it sees what the server stored a moment ago.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import type { DatabaseWorker } from './DatabaseWorker';
import { JournaledUpdates, readLeftJournals, readServedJournals } from './JournaledUpdates';
import { INSERT_UPDATE_SQL } from './openDatabase';
import type { JournalEntry } from './UpdateJournal';
import {
  assertBatches,
  compactionRange,
  type CompactionReport,
  type DocBatch,
  type DocStorage,
  type StoredUpdate,
} from './DocStorage';

/** An append larger than this goes straight to the database (written once, not twice). */
const JOURNAL_MAX_APPEND_BYTES = 64 * 1024;

/** Where the serving process's journals are, or where another process reads them. */
export interface SqliteJournalOptions {
  /** The first journal's path (`{dataDir}/duet.journal`; the second is `duet.journal-2`). */
  path: string;
  /** True for the process that serves the folder: it writes the journals. False: only reads them in `load`. */
  owner: boolean;
  /** The owner flushes every journal write to the disk (the store's `fsync` option). */
  fsync?: boolean;
  /** The owner's database worker, which moves the journals into the database (openSqliteStores starts it). */
  worker?: Pick<DatabaseWorker, 'insertUpdates'>;
}

/** `DocStorage` over an open SQLite database (see `openDatabase`). */
export class SqliteDocStorage implements DocStorage {
  private readonly selectRows: StatementSync;
  private readonly selectSizes: StatementSync;
  private readonly selectLastSeq: StatementSync;
  private readonly insertRow: StatementSync;
  private readonly insertReplayed: StatementSync;
  private readonly deleteRange: StatementSync;
  // Prepared once: `exec` would parse them again for every transaction, i.e. for every relayed batch.
  private readonly begin: StatementSync;
  private readonly commit: StatementSync;
  private readonly rollback: StatementSync;
  /** The serving process's journals; null without them. */
  private readonly journaled: JournaledUpdates | null = null;
  /** Last sequence number per document, once known (this process is the folder's only writer). */
  private readonly lastSeqs = new Map<string, number>();

  constructor(
    private readonly db: DatabaseSync,
    private readonly journalOptions: SqliteJournalOptions | null = null,
  ) {
    this.selectRows = db.prepare('SELECT seq, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq');
    this.selectLastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE doc = ?');
    this.insertRow = db.prepare(INSERT_UPDATE_SQL);
    // A server killed after moving its journal into the database but before emptying it left rows twice.
    this.insertReplayed = db.prepare('INSERT OR IGNORE INTO updates (doc, seq, data) VALUES (?, ?, ?)');
    this.selectSizes = db.prepare('SELECT seq, length(data) AS bytes FROM updates WHERE doc = ? ORDER BY seq');
    this.deleteRange = db.prepare('DELETE FROM updates WHERE doc = ? AND seq >= ? AND seq <= ?');
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    if (journalOptions?.owner) {
      if (journalOptions.worker === undefined) throw new Error('[storage] a serving SQLite store needs its worker');
      const left = readLeftJournals(journalOptions.path);
      if (left.length > 0) {
        this.transaction(() => {
          for (const entry of left) this.insertReplayed.run(entry.docName, entry.seq, entry.update);
        });
        // On the disk before the journal is emptied (a checkpoint syncs): this runs only after a crash.
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      }
      this.journaled = new JournaledUpdates(journalOptions.path, journalOptions.fsync ?? false, journalOptions.worker);
    }
  }

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    // Another process reads the server's journals first: what the server moves into the database meanwhile
    // is then in the rows read after them.
    const journaled: readonly JournalEntry[] =
      this.journalOptions !== null && !this.journalOptions.owner
        ? readServedJournals(this.journalOptions.path).filter((entry) => entry.docName === docName)
        : (this.journaled?.held(docName) ?? []);
    const rows = this.selectRows
      .all(docName, afterSeq)
      .map((row) => ({ seq: Number(row.seq), update: row.data as Uint8Array }));
    const newest = rows.at(-1)?.seq ?? afterSeq;
    for (const entry of journaled) {
      if (entry.seq > newest) rows.push({ seq: entry.seq, update: entry.update });
    }
    return rows;
  }

  async append(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    const [last] = await this.appendMany([{ docName, updates }]);
    return last!;
  }

  async appendMany(batches: readonly DocBatch[]): Promise<number[]> {
    assertBatches(batches);
    let bytes = 0;
    for (const { updates } of batches) for (const update of updates) bytes += update.length;
    if (this.journaled === null || bytes > JOURNAL_MAX_APPEND_BYTES) {
      // After the journaled updates before it: the rows of a document are numbered in the order stored.
      await this.flush();
      return this.appendToDatabase(batches);
    }
    const entries: JournalEntry[] = [];
    const lasts = batches.map(({ docName, updates }) => {
      let seq = this.lastSeq(docName);
      for (const update of updates) entries.push({ docName, seq: ++seq, update });
      return seq;
    });
    // One write for the whole group: once it returns, every update survives a kill of the process.
    this.journaled.append(entries);
    batches.forEach(({ docName }, i) => this.lastSeqs.set(docName, lasts[i]!));
    return lasts;
  }

  /** Resolves once every update journaled so far is in the database (the worker moves them). */
  async flush(): Promise<void> {
    await this.journaled?.flush();
  }

  async compact(docName: string): Promise<CompactionReport> {
    await this.flush();
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

  /** Moves the journals into the database and folds the WAL into the main file; the database belongs to whoever opened it. */
  async close(): Promise<void> {
    await this.journaled?.close();
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** One transaction for every batch (group commit): once COMMIT returns, every row is in the WAL file. */
  private appendToDatabase(batches: readonly DocBatch[]): number[] {
    const lasts = this.transaction(() =>
      batches.map(({ docName, updates }) => {
        let seq = Number((this.selectLastSeq.get(docName) as { seq: number }).seq);
        for (const update of updates) this.insertRow.run(docName, ++seq, update);
        return seq;
      }),
    );
    if (this.journaled !== null) batches.forEach(({ docName }, i) => this.lastSeqs.set(docName, lasts[i]!));
    return lasts;
  }

  /** The last sequence number of `docName`, journaled updates included. */
  private lastSeq(docName: string): number {
    let seq = this.lastSeqs.get(docName);
    if (seq === undefined) {
      seq = Number((this.selectLastSeq.get(docName) as { seq: number }).seq);
      this.lastSeqs.set(docName, seq);
    }
    return seq;
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
