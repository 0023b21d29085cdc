/**
 * The embedded `DocStorage`: one row per update in SQLite, merged into one row by compaction. One process
 * writes a data folder, so the next sequence number is simply the largest stored one plus one.
 *
 * The process that serves the folder passes a journal (UpdateJournal): appends are written there in one
 * `write` and moved into the database in bulk shortly after (`flush`), on a timer, before a compaction,
 * before a large append and on close; until then `load` adds them from memory. Opening a journal moves
 * what a killed server left in it into the database first. Any other process (the CLI) opens the folder
 * without one: its appends go straight to the database, and its `load` also reads the journal's file, so
 * it sees what the server stored a moment ago.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import { CorruptLogError } from './updateLog';
import { readJournal, type JournalEntry, UpdateJournal } from './UpdateJournal';
import {
  assertBatches,
  compactionRange,
  type CompactionReport,
  type DocBatch,
  type DocStorage,
  type StoredUpdate,
} from './DocStorage';

/**
 * How long a journaled update waits, at most, before it is moved into the database. The move holds the
 * event loop, and its cost is mostly per commit and per document touched (each document's index page is
 * written to the WAL once per commit), so rarer moves cost less in all. Measured in the relay bench's load
 * (500 updates/s over 100 documents, a warmed server): every 40 ms a move took 0.32 ms (p50), 203 ms of
 * the loop in 26 s; every 200 ms 0.83 ms, 105 ms; every second 1.73 ms, 43 ms. The relay p99 beside the
 * in-memory reference, in three runs of four alternating windows each: every 200 ms 1.35×, every 40 ms
 * 1.19×; every 40 ms 1.73×, no moves at all 1.15×; every second 0.99×, no moves 1.05×.
 */
export const JOURNAL_FLUSH_MS = 1_000;
/** Journaled bytes that are moved into the database at once, without waiting for the timer. */
const JOURNAL_FLUSH_BYTES = 1 << 20;
/** An append larger than this goes straight to the database (written once, not twice). */
const JOURNAL_MAX_APPEND_BYTES = 64 * 1024;

/** Where the serving process's journal is, or where another process reads it. */
export interface SqliteJournalOptions {
  /** The journal's path (`{dataDir}/duet.journal`). */
  path: string;
  /** True for the process that serves the folder: it writes the journal. False: only reads it in `load`. */
  owner: boolean;
  /** The owner flushes every journal write to the disk (the store's `fsync` option). */
  fsync?: boolean;
}

/**
 * The serving process's journal as another process reads it: caught while the server empties and rewrites
 * it, a read can mix old and new bytes and look damaged; read again, it is whole.
 */
function readOthersJournal(path: string): JournalEntry[] {
  for (let attempt = 1; ; attempt++) {
    try {
      return readJournal(path);
    } catch (error) {
      if (!(error instanceof CorruptLogError) || attempt === 3) throw error;
    }
  }
}

/** What a stopped or killed server left in its journal; damage stops the start with what to do about it. */
function readLeftJournal(path: string): JournalEntry[] {
  try {
    return readJournal(path);
  } catch (error) {
    if (!(error instanceof CorruptLogError)) throw error;
    throw new CorruptLogError(
      `${error.message}. The server will not start over updates it cannot read: move ${path} aside to start ` +
        'without them (clients that hold them send them again when they reconnect).',
      { cause: error },
    );
  }
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
  /** The serving process's journal; null without one. */
  private readonly journal: UpdateJournal | null = null;
  /** Journaled updates not yet in the database, per document, oldest first. */
  private readonly pending = new Map<string, JournalEntry[]>();
  private pendingBytes = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** Last sequence number per document, once known (this process is the folder's only writer). */
  private readonly lastSeqs = new Map<string, number>();

  constructor(
    private readonly db: DatabaseSync,
    private readonly journalOptions: SqliteJournalOptions | null = null,
  ) {
    this.selectRows = db.prepare('SELECT seq, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq');
    this.selectLastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM updates WHERE doc = ?');
    this.insertRow = db.prepare('INSERT INTO updates (doc, seq, data) VALUES (?, ?, ?)');
    // A server killed after moving its journal into the database but before emptying it left rows twice.
    this.insertReplayed = db.prepare('INSERT OR IGNORE INTO updates (doc, seq, data) VALUES (?, ?, ?)');
    this.selectSizes = db.prepare('SELECT seq, length(data) AS bytes FROM updates WHERE doc = ? ORDER BY seq');
    this.deleteRange = db.prepare('DELETE FROM updates WHERE doc = ? AND seq >= ? AND seq <= ?');
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    if (journalOptions?.owner) {
      const left = readLeftJournal(journalOptions.path);
      if (left.length > 0) {
        this.transaction(() => {
          for (const entry of left) this.insertReplayed.run(entry.docName, entry.seq, entry.update);
        });
        // On the disk before the journal is emptied (a checkpoint syncs): this runs only after a crash.
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      }
      this.journal = new UpdateJournal(journalOptions.path, journalOptions.fsync ?? false);
    }
  }

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    // Another process reads the server's journal first: what the server moves into the database meanwhile
    // is then in the rows read after it.
    const journaled =
      this.journalOptions !== null && !this.journalOptions.owner
        ? readOthersJournal(this.journalOptions.path).filter((entry) => entry.docName === docName)
        : (this.pending.get(docName) ?? []);
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
    if (this.journal === null || bytes > JOURNAL_MAX_APPEND_BYTES) {
      this.flush();
      return this.appendToDatabase(batches);
    }
    const entries: JournalEntry[] = [];
    const lasts = batches.map(({ docName, updates }) => {
      let seq = this.lastSeq(docName);
      for (const update of updates) entries.push({ docName, seq: ++seq, update });
      return seq;
    });
    // One write for the whole group: once it returns, every update survives a kill of the process.
    this.journal.append(entries);
    batches.forEach(({ docName }, i) => this.lastSeqs.set(docName, lasts[i]!));
    for (const entry of entries) {
      let list = this.pending.get(entry.docName);
      if (list === undefined) this.pending.set(entry.docName, (list = []));
      list.push(entry);
    }
    this.pendingBytes += bytes;
    if (this.pendingBytes >= JOURNAL_FLUSH_BYTES) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flushOnTimer(), JOURNAL_FLUSH_MS).unref();
    return lasts;
  }

  /**
   * Moves every journaled update into the database in one transaction, then empties the journal. Killed in
   * between, the next server moves them again: the rows already there are kept (`insertReplayed`).
   */
  flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.journal === null || this.pending.size === 0) return;
    this.transaction(() => {
      for (const entries of this.pending.values())
        for (const entry of entries) this.insertRow.run(entry.docName, entry.seq, entry.update);
    });
    // In the database now, whether or not the journal can be emptied (if not, a restart keeps them once).
    this.pending.clear();
    this.pendingBytes = 0;
    this.journal.reset();
  }

  async compact(docName: string): Promise<CompactionReport> {
    this.flush();
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

  /** Moves the journal into the database and folds the WAL into the main file; the database belongs to whoever opened it. */
  async close(): Promise<void> {
    this.flush();
    this.journal?.close();
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
    if (this.journal !== null) batches.forEach(({ docName }, i) => this.lastSeqs.set(docName, lasts[i]!));
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

  /** The timer's flush: a failure is reported and retried, and the updates stay safe in the journal. */
  private flushOnTimer(): void {
    this.flushTimer = null;
    try {
      this.flush();
    } catch (error) {
      console.error('[storage] could not move the journal into the database; trying again', error);
      this.flushTimer = setTimeout(() => this.flushOnTimer(), JOURNAL_FLUSH_MS * 5).unref();
    }
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
