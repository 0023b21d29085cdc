/**
 * Opens (creating if needed) the server's single SQLite file in the data directory, in WAL mode so that the
 * `invite`/`revoke` commands can write while a server reads, and so a commit survives a kill of the process.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE } from './databaseFile';

export { DATABASE_FILE } from './databaseFile';

/** How hard a commit is pushed to disk. */
export interface DatabaseOptions {
  /**
   * false (default): WAL with synchronous=NORMAL — every commit survives a crash or kill of the process;
   * an OS crash or power loss may roll back the last commits. true: synchronous=FULL, fsync on every commit.
   */
  fsync?: boolean;
}

// `id` is a plain rowid (rows are ordered by `seq`): with AUTOINCREMENT every commit also rewrote the
// sqlite_sequence page — a third page in the WAL per single-update commit, ~3 µs of its ~15 µs CPU measured
// (20,000 one-row commits, WAL, synchronous=NORMAL). Data folders created before keep AUTOINCREMENT.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  seq INTEGER,
  data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY,
  workspace TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER
);
`;

/** Columns added after the first release: data folders created before them get them on open. */
const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
  { table: 'members', column: 'last_seen_at', type: 'INTEGER' },
  { table: 'updates', column: 'seq', type: 'INTEGER' },
  { table: 'members', column: 'email', type: 'TEXT' },
];

function migrate(db: DatabaseSync): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  // Rows written before per-document sequence numbers existed are numbered in the order they were stored.
  db.exec(`UPDATE updates SET seq = (SELECT COUNT(*) FROM updates AS earlier
             WHERE earlier.doc = updates.doc AND earlier.id <= updates.id) WHERE seq IS NULL`);
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS updates_by_doc_seq ON updates (doc, seq)');
}

/** How one update row is inserted, by the serving connection and by the database worker alike. */
export const INSERT_UPDATE_SQL = 'INSERT INTO updates (doc, seq, data) VALUES (?, ?, ?)';

/**
 * The settings every connection to the data folder's database needs (they are per connection, unlike the
 * WAL mode): the serving one and the database worker's (DatabaseWorker), so both commit as durably.
 */
export function connectionSettings(options: DatabaseOptions): string {
  return [
    `PRAGMA synchronous = ${options.fsync ? 'FULL' : 'NORMAL'};`,
    'PRAGMA busy_timeout = 5000;',
    // The server checkpoints on a timer (startSyncServer): inside a commit a checkpoint stalls the event loop.
    'PRAGMA wal_autocheckpoint = 0;',
  ].join('\n');
}

/** Opens `{dataDir}/duet.sqlite` with the schema in place. */
export function openDatabase(dataDir: string, options: DatabaseOptions = {}): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(connectionSettings(options));
  db.exec(SCHEMA);
  migrate(db);
  return db;
}
