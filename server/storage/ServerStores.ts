/**
 * Everything a server keeps besides its connections: documents, members and the token-signing secret,
 * opened together because one database holds them all. Three kinds exist — `sqlite` (the default,
 * `node:sqlite`, in the data folder), `files` (plain files, for runtimes without `node:sqlite`) and
 * `postgres` (a cluster: every node shares one database) — and `openServerStores` / `openPostgresStores`
 * open them.
 */
import type { Members } from '../auth/Members';
import type { CrmStore } from '../crm/store/CrmStore';
import type { DocStorage } from './DocStorage';

/** Which implementation is in use. */
export type StoreKind = 'sqlite' | 'files' | 'postgres';

/** Options shared by the embedded kinds. */
export interface StoreOptions {
  /** Flush every write to the disk (survives power loss). Default: every write survives a process kill. */
  fsync?: boolean;
  /**
   * This process serves the data folder (the sync server; one per folder): the SQLite store writes its
   * updates through a journal (UpdateJournal.ts). Others (the CLI) read that journal too, never write it.
   */
  serving?: boolean;
}

/** The open stores of one server. */
export interface ServerStores {
  kind: StoreKind;
  storage: DocStorage;
  members: Members;
  /** CRM connections (docs/CRM.md): settings, sealed credentials, cursor and status per workspace. */
  crm: CrmStore;
  /** The secret tokens are signed with, created on first use (once, even when several nodes start at once). */
  loadSecret(): Promise<Buffer>;
  /** Whether the store answers right now (`/healthz`); the embedded kinds always do. */
  reachable(): Promise<boolean>;
  /**
   * Periodic upkeep after writes (SQLite folds its WAL into the database, off the event loop); called on a
   * slow timer, never twice at once.
   */
  checkpoint(): Promise<void>;
  /** Closes the document store and the members store; no call may follow. */
  close(): Promise<void>;
}
