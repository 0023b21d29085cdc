/**
 * The narrative workflow records that those who write a playbook may make — request review, retire,
 * reopen as a draft — kept in the playbook's versions document (`{workspace}/versions/{playbookId}`,
 * `Y.Map` `workflow`), whose writers are exactly storytellers and marketing. Approving and sending back are
 * storytellers' decisions and live in the approvals document instead (`approvals.ts`).
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isValidId } from '../domain/ids';
import { APPROVAL_LIMITS } from './approvals';

const WORKFLOW = 'workflow';

/** What a writer of the playbook recorded. */
export const WORKFLOW_KINDS = ['request', 'retire', 'reopen'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/** One workflow record, as stored. */
export const workflowRecordSchema = z.object({
  narrativeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  kind: z.enum(WORKFLOW_KINDS),
  title: z.string().check(z.maxLength(APPROVAL_LIMITS.title)),
  by: z.string().check(z.maxLength(APPROVAL_LIMITS.by)),
  at: z.number().check(z.nonnegative()),
  note: z
    .string()
    .check(z.trim(), z.maxLength(APPROVAL_LIMITS.comment, `At most ${APPROVAL_LIMITS.comment} characters.`)),
});

/** A workflow record with its id. */
export type WorkflowRecord = z.infer<typeof workflowRecordSchema> & { id: string };

/** Every valid workflow record, oldest first. */
export function readWorkflow(doc: Y.Doc): WorkflowRecord[] {
  const out: WorkflowRecord[] = [];
  doc.getMap<unknown>(WORKFLOW).forEach((value, id) => {
    if (!isValidId(id)) return;
    const parsed = workflowRecordSchema.safeParse(value);
    if (parsed.success) out.push({ ...parsed.data, id });
  });
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds a workflow record. */
export function addWorkflowRecord(doc: Y.Doc, record: WorkflowRecord): void {
  const { id, ...rest } = record;
  const map = doc.getMap<unknown>(WORKFLOW);
  if (!isValidId(id) || map.has(id)) throw new Error(`[workflow] bad or taken record id ${id}`);
  map.set(id, workflowRecordSchema.parse(rest));
}

/** Subscribes to the workflow records; returns the disposer. */
export function observeWorkflow(doc: Y.Doc, onChange: (records: WorkflowRecord[]) => void): () => void {
  const map = doc.getMap<unknown>(WORKFLOW);
  const handle = (): void => onChange(readWorkflow(doc));
  map.observe(handle);
  return () => map.unobserve(handle);
}
