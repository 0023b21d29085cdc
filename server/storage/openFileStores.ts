/**
 * The file stores: one update log per document in `{dataDir}/docs/` and members in
 * `{dataDir}/members.jsonl`. Pure Node (no `node:sqlite`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileMemberStore, MEMBERS_FILE } from '../auth/FileMemberStore';
import { loadSecret } from '../auth/loadSecret';
import { FileCrmStore } from '../crm/store/FileCrmStore';
import { DOCS_FOLDER, FileDocStorage } from './FileDocStorage';
import type { ServerStores, StoreOptions } from './ServerStores';

/** True when a data directory already holds file stores (so it must keep using them). */
export function hasFileStores(dataDir: string): boolean {
  return existsSync(join(dataDir, MEMBERS_FILE)) || existsSync(join(dataDir, DOCS_FOLDER));
}

/** Opens (creating if needed) the file stores of a data directory. */
export function openFileStores(dataDir: string, options: StoreOptions = {}): ServerStores {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const storage = new FileDocStorage(dataDir, { fsync: options.fsync ?? false });
  return {
    kind: 'files',
    storage,
    members: new FileMemberStore(dataDir),
    crm: new FileCrmStore(dataDir),
    loadSecret: async () => loadSecret(dataDir),
    reachable: async () => true,
    checkpoint: async () => {},
    close: () => storage.close(),
  };
}
