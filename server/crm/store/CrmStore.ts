/**
 * Where CRM connections live: one per workspace, in the server's own store (the SQLite file, the plain files
 * or a cluster's PostgreSQL), written by `crm connect`/`crm disconnect` and by the runner as it syncs. The
 * credentials are sealed (crmSecrets.ts); settings, cursor and status are plain JSON, validated on read.
 */
import { z } from 'zod';
import { START_CURSOR, type CrmCursor, type CrmProvider } from '../CrmConnector';

/** What the admin chose at `crm connect` (no secrets: those are in `sealedCredentials`). */
export interface CrmSettings {
  /** The playbook whose deal log receives the deals. */
  playbookId: string;
  /** CRM property holding the narratives used (a multi-select of titles or ids). */
  narrativesProperty: string;
  /** Custom CRM fields; '' means the provider's usual field (or none). */
  competitorField: string;
  lossReasonField: string;
  /** Write narratives cited in Duet back to the CRM property (opt-in). */
  writeBack: boolean;
  /** Another API address (a proxy, or the test fake); null for the provider's own. */
  apiBase: string | null;
  /** Seconds between polls once caught up. */
  pollSeconds: number;
  /** Provider-specific settings that are not secret (e.g. a Salesforce instance URL). */
  extra: Record<string, string>;
}

/** The state the storyteller sees (also written to `{ws}/crm/{ws}`). Never holds a secret. */
export interface CrmStatus {
  state: 'waiting' | 'syncing' | 'ok' | 'error';
  /** When the last complete pass ended (epoch ms), null before the first. */
  lastSyncAt: number | null;
  /** Deals in the deal log that came from this CRM. */
  dealsSynced: number;
  lastError: { code: string; message: string; at: number } | null;
}

/** One workspace's connection. */
export interface CrmConnection {
  workspace: string;
  provider: CrmProvider;
  settings: CrmSettings;
  sealedCredentials: string;
  cursor: CrmCursor;
  status: CrmStatus;
  /** Raised by every `crm connect`: the runner restarts a connection whose revision changed. */
  revision: number;
}

/** The connections store; the embedded kinds answer at once, PostgreSQL over the network. */
export interface CrmStore {
  list(): Promise<CrmConnection[]>;
  get(workspace: string): Promise<CrmConnection | null>;
  /** Inserts or replaces a connection (`crm connect`). */
  put(connection: CrmConnection): Promise<void>;
  /**
   * Records the runner's progress — only while `revision` is still the stored one, so a `crm connect` made
   * meanwhile is never overwritten by a runner that has not seen it yet. False when it was not written.
   */
  saveProgress(workspace: string, revision: number, cursor: CrmCursor, status: CrmStatus): Promise<boolean>;
  /** Removes a connection; false when there was none. */
  remove(workspace: string): Promise<boolean>;
  /**
   * Whether this process should run the syncs: always for the embedded stores (one server per data
   * folder); in a cluster, the one node holding a lock (checked again at every poll).
   */
  claimRunner(): Promise<boolean>;
  /** Gives up the claim (the server is stopping). */
  releaseRunner(): void;
}

/** A connection's status before its first sync. */
export const WAITING_STATUS: CrmStatus = { state: 'waiting', lastSyncAt: null, dealsSynced: 0, lastError: null };

const settingsSchema = z.object({
  playbookId: z.string(),
  narrativesProperty: z.string(),
  competitorField: z.string(),
  lossReasonField: z.string(),
  writeBack: z.boolean(),
  apiBase: z.string().nullable(),
  pollSeconds: z.number().positive(),
  extra: z.record(z.string(), z.string()),
});
const cursorSchema = z.object({
  since: z.string(),
  afterId: z.string(),
  page: z.string().nullable(),
  sweep: z.string().nullable().optional(),
  backfill: z.boolean().optional(),
  owners: z.array(z.string().max(320)).max(100_000).optional(),
});
const statusSchema = z.object({
  state: z.enum(['waiting', 'syncing', 'ok', 'error']),
  lastSyncAt: z.number().nullable(),
  dealsSynced: z.number(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number() }).nullable(),
});

/** A stored row as every store keeps it: JSON text for the structured parts. */
export interface CrmRow {
  workspace: string;
  provider: string;
  settings: string;
  credentials: string;
  cursor: string;
  status: string;
  revision: number;
}

/**
 * The connections table, one column list for the SQLite store and PostgreSQL's migration (they differ only
 * in the width of the revision's integer). Append-only: a column added later also needs a migration step
 * (`ALTER TABLE … ADD COLUMN`) for tables created before it, in both places that create the table.
 */
export const CRM_COLUMNS = [
  ['workspace', 'TEXT PRIMARY KEY'],
  ['provider', 'TEXT NOT NULL'],
  ['settings', 'TEXT NOT NULL'],
  ['credentials', 'TEXT NOT NULL'],
  ['cursor', 'TEXT NOT NULL'],
  ['status', 'TEXT NOT NULL'],
  ['revision', 'INTEGER NOT NULL'],
] as const satisfies readonly (readonly [keyof CrmRow, string])[];

/** `CREATE TABLE` for the connections table; `bigint` widens the integer column (PostgreSQL). */
export function crmTableSql(table: string, options: { ifNotExists?: boolean; bigint?: boolean } = {}): string {
  const columns = CRM_COLUMNS.map(
    ([name, type]) => `  ${name} ${options.bigint ? type.replace('INTEGER', 'BIGINT') : type}`,
  );
  return `CREATE TABLE ${options.ifNotExists ? 'IF NOT EXISTS ' : ''}${table} (\n${columns.join(',\n')}\n)`;
}

/** Inserts or replaces a row; `placeholder(i)` is the dialect's i-th parameter (`?` or `$1`). */
export function crmUpsertSql(table: string, placeholder: (i: number) => string): string {
  const names = CRM_COLUMNS.map(([name]) => name);
  const updates = names.filter((name) => name !== 'workspace').map((name) => `${name} = excluded.${name}`);
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => placeholder(i + 1)).join(', ')})
     ON CONFLICT (workspace) DO UPDATE SET ${updates.join(', ')}`;
}

/** A row's values in `CRM_COLUMNS` order, for `crmUpsertSql`. */
export function crmRowValues(row: CrmRow): (string | number)[] {
  return CRM_COLUMNS.map(([name]) => row[name]);
}

/** The row of a connection. */
export function toCrmRow(connection: CrmConnection): CrmRow {
  return {
    workspace: connection.workspace,
    provider: connection.provider,
    settings: JSON.stringify(connection.settings),
    credentials: connection.sealedCredentials,
    cursor: JSON.stringify(connection.cursor),
    status: JSON.stringify(connection.status),
    revision: connection.revision,
  };
}

function parsed<T>(schema: z.ZodType<T>, text: string, what: string, workspace: string): T {
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`[crm] the stored ${what} of ${workspace} is not readable`);
  return result.data;
}

/**
 * The connection of a row. A row this code cannot read is a bug or a damaged store, and throws; an unknown
 * provider (a newer server wrote it) too.
 */
export function fromCrmRow(row: CrmRow): CrmConnection {
  if (row.provider !== 'hubspot' && row.provider !== 'salesforce')
    throw new Error(`[crm] ${row.workspace}: unknown provider ${row.provider}`);
  return {
    workspace: row.workspace,
    provider: row.provider,
    settings: parsed(settingsSchema, row.settings, 'settings', row.workspace),
    sealedCredentials: row.credentials,
    cursor: row.cursor === '' ? START_CURSOR : parsed(cursorSchema, row.cursor, 'cursor', row.workspace),
    status: parsed(statusSchema, row.status, 'status', row.workspace),
    revision: Number(row.revision),
  };
}
