/**
 * Chooses and opens the stores of a data directory. A directory keeps the kind it was created with (its
 * members and documents are there); a new one gets SQLite when `node:sqlite` loads and plain files when it
 * does not (an embedding runtime such as Electron may not ship it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './databaseFile';
import { hasFileStores, openFileStores } from './openFileStores';
import type { ServerStores, StoreKind, StoreOptions } from './ServerStores';

/** Loads the SQLite implementation; rejects where `node:sqlite` is missing. Replaceable in tests. */
export type SqliteImporter = () => Promise<{
  openSqliteStores: (dataDir: string, options?: StoreOptions) => ServerStores;
}>;

const importSqlite: SqliteImporter = () => import('./openSqliteStores');

/** How to choose. */
export interface OpenStoresOptions extends StoreOptions {
  /** Force a kind; default 'auto' (the directory's existing kind, else SQLite if available, else files). */
  kind?: StoreKind | 'auto';
  importSqlite?: SqliteImporter;
}

/** Opens the stores of `dataDir`; throws with a plain explanation when the directory's kind cannot be opened. */
export async function openServerStores(dataDir: string, options: OpenStoresOptions = {}): Promise<ServerStores> {
  const kind = options.kind ?? 'auto';
  const load = options.importSqlite ?? importSqlite;
  if (kind === 'files' || (kind === 'auto' && hasFileStores(dataDir))) return openFileStores(dataDir, options);
  let sqlite: Awaited<ReturnType<SqliteImporter>>;
  try {
    sqlite = await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (kind === 'sqlite' || existsSync(join(dataDir, DATABASE_FILE))) {
      throw new Error(
        `[storage] ${join(dataDir, DATABASE_FILE)} needs node:sqlite, which this runtime cannot load (${reason})`,
        { cause: error },
      );
    }
    console.warn(`[storage] node:sqlite is not available (${reason}); storing in plain files`);
    return openFileStores(dataDir, options);
  }
  return sqlite.openSqliteStores(dataDir, options);
}
