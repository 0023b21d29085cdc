/**
 * The SQLite stores: documents and members in `{dataDir}/duet.sqlite`. This module loads `node:sqlite`, so
 * it is only ever imported dynamically (see openServerStores): a runtime without it can still run a server.
 */
import { join } from 'node:path';
import { loadSecret } from '../auth/loadSecret';
import { MemberStore } from '../auth/MemberStore';
import { SqliteCrmStore } from '../crm/store/SqliteCrmStore';
import { DatabaseWorker } from './DatabaseWorker';
import { DATABASE_FILE } from './databaseFile';
import { openDatabase } from './openDatabase';
import type { ServerStores, StoreOptions } from './ServerStores';
import { SqliteDocStorage } from './SqliteDocStorage';
import { JOURNAL_FILE } from './UpdateJournal';

/** Opens (creating if needed) the SQLite stores of a data directory. */
export function openSqliteStores(dataDir: string, options: StoreOptions = {}): ServerStores {
  const fsync = options.fsync ?? false;
  const db = openDatabase(dataDir, { fsync });
  // Its thread starts with its first request: a process that only runs a CLI command never starts one.
  const worker = new DatabaseWorker(join(dataDir, DATABASE_FILE), fsync);
  const storage = new SqliteDocStorage(db, {
    path: join(dataDir, JOURNAL_FILE),
    owner: options.serving ?? false,
    fsync,
    worker,
  });
  return {
    kind: 'sqlite',
    storage,
    members: new MemberStore(db),
    crm: new SqliteCrmStore(db),
    loadSecret: async () => loadSecret(dataDir),
    reachable: async () => true,
    checkpoint: async () => void (await worker.checkpoint()),
    async close() {
      // The journals are moved by the worker: it stops once they are in the database.
      await storage.close();
      await worker.close();
      db.close();
    },
  };
}
