/**
 * Everything a server keeps in its data directory besides the secret: documents and members, opened
 * together because the SQLite kind keeps both in one database. Two kinds exist — `sqlite` (the default,
 * `node:sqlite`) and `files` (plain files, for runtimes without `node:sqlite`) — and `openServerStores`
 * chooses between them.
 */
import type { Members } from '../auth/Members';
import type { DocStorage } from './DocStorage';

/** Which implementation a data directory uses. */
export type StoreKind = 'sqlite' | 'files';

/** Options shared by both kinds. */
export interface StoreOptions {
  /** Flush every write to the disk (survives power loss). Default: every write survives a process kill. */
  fsync?: boolean;
}

/** The open stores of one data directory. */
export interface ServerStores {
  kind: StoreKind;
  storage: DocStorage;
  members: Members;
  /** Periodic upkeep after writes (SQLite folds its WAL into the database); called on a slow timer. */
  checkpoint(): void;
  /** Closes the document store and the members store; no call may follow. */
  close(): Promise<void>;
}
