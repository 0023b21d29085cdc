/**
 * The SQLite stores: documents and members in `{dataDir}/duet.sqlite`. This module loads `node:sqlite`, so
 * it is only ever imported dynamically (see openServerStores): a runtime without it can still run a server.
 */
import { join } from 'node:path';
import { loadSecret } from '../auth/loadSecret';
import { MemberStore } from '../auth/MemberStore';
import { SqliteCrmStore } from '../crm/store/SqliteCrmStore';
import { DATABASE_FILE } from './databaseFile';
import { openDatabase } from './openDatabase';
import type { ServerStores, StoreOptions } from './ServerStores';
import { SqliteDocStorage } from './SqliteDocStorage';
import { JOURNAL_FILE } from './UpdateJournal';
import { WalCheckpointer } from './WalCheckpointer';

/** Opens (creating if needed) the SQLite stores of a data directory. */
export function openSqliteStores(dataDir: string, options: StoreOptions = {}): ServerStores {
  const fsync = options.fsync ?? false;
  const db = openDatabase(dataDir, { fsync });
  const storage = new SqliteDocStorage(db, {
    path: join(dataDir, JOURNAL_FILE),
    owner: options.serving ?? false,
    fsync,
  });
  const checkpointer = new WalCheckpointer(join(dataDir, DATABASE_FILE));
  return {
    kind: 'sqlite',
    storage,
    members: new MemberStore(db),
    crm: new SqliteCrmStore(db),
    loadSecret: async () => loadSecret(dataDir),
    reachable: async () => true,
    checkpoint: async () => void (await checkpointer.checkpoint()),
    async close() {
      await checkpointer.close();
      await storage.close();
      db.close();
    },
  };
}
