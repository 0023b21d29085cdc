/**
 * The SQLite stores: documents and members in `{dataDir}/duet.sqlite`. This module loads `node:sqlite`, so
 * it is only ever imported dynamically (see openServerStores): a runtime without it can still run a server.
 */
import { loadSecret } from '../auth/loadSecret';
import { MemberStore } from '../auth/MemberStore';
import { SqliteCrmStore } from '../crm/store/SqliteCrmStore';
import { openDatabase } from './openDatabase';
import type { ServerStores, StoreOptions } from './ServerStores';
import { SqliteDocStorage } from './SqliteDocStorage';

/** Opens (creating if needed) the SQLite stores of a data directory. */
export function openSqliteStores(dataDir: string, options: StoreOptions = {}): ServerStores {
  const db = openDatabase(dataDir, { fsync: options.fsync ?? false });
  const storage = new SqliteDocStorage(db);
  return {
    kind: 'sqlite',
    storage,
    members: new MemberStore(db),
    crm: new SqliteCrmStore(db),
    loadSecret: async () => loadSecret(dataDir),
    reachable: async () => true,
    checkpoint: () => db.exec('PRAGMA wal_checkpoint(PASSIVE)'),
    async close() {
      await storage.close();
      db.close();
    },
  };
}
