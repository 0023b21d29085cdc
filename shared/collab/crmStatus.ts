/**
 * The CRM sync's status as the app shows it, in `{workspace}/crm/{workspace}` (crmStatusDocName): one JSON
 * record under `status` in a map, written by the sync server's CRM runner only (no member may write this
 * kind, see permissions.ts) and read by everyone in the workspace. It never holds a secret: the provider,
 * the state, when the last pass ended, how many deals came from the CRM and the last error in words.
 */
import * as Y from 'yjs';
import { z } from '../zod';

const MAP = 'crm';
const KEY = 'status';

const statusSchema = z.object({
  provider: z.enum(['hubspot', 'salesforce']),
  /** "HubSpot", "Salesforce". */
  label: z.string().check(z.maxLength(40)),
  /** waiting: connected, not synced yet; syncing: a pass is under way; ok: caught up; error: see lastError. */
  state: z.enum(['waiting', 'syncing', 'ok', 'error']),
  playbookId: z.string().check(z.maxLength(64)),
  lastSyncAt: z.nullable(z.number()),
  dealsSynced: z.int().check(z.minimum(0)),
  lastError: z.nullable(
    z.object({ code: z.string().check(z.maxLength(40)), message: z.string().check(z.maxLength(500)), at: z.number() }),
  ),
  writeBack: z.boolean(),
});

/** What the app reads. */
export type CrmStatusView = z.infer<typeof statusSchema>;

/** Writes the status (null: disconnected). The server's runner is the only writer. */
export function writeCrmStatus(doc: Y.Doc, status: CrmStatusView | null): void {
  const map = doc.getMap<string>(MAP);
  const next = status === null ? null : JSON.stringify(status);
  if ((map.get(KEY) ?? null) === next) return;
  if (next === null) map.delete(KEY);
  else map.set(KEY, next);
}

/** The status, or null when no CRM is connected (or what is stored does not pass the schema). */
export function readCrmStatus(doc: Y.Doc): CrmStatusView | null {
  const raw = doc.getMap<unknown>(MAP).get(KEY);
  if (typeof raw !== 'string') return null;
  try {
    const parsed = statusSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Calls `onChange` with the status after every change; returns the disposer. */
export function observeCrmStatus(doc: Y.Doc, onChange: (status: CrmStatusView | null) => void): () => void {
  const map = doc.getMap<unknown>(MAP);
  const handle = (): void => onChange(readCrmStatus(doc));
  map.observe(handle);
  return () => map.unobserve(handle);
}
