/**
 * Names of the Yjs documents of a workspace. The sync server routes on exactly these names
 * (`ws://host/{workspace}/{kind}/{id}`), so they are part of the wire format: change them only with a migration.
 */
import { isValidId } from '../domain/ids';

/** The kinds of document a workspace holds. */
export const DOC_KINDS = [
  'directory',
  'playbook',
  'notes',
  'versions',
  'approvals',
  'meetings',
  'goals',
  'crm',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** A parsed document name. `id` is the playbook id, or the workspace id again for the directory. */
export interface DocName {
  workspaceId: string;
  kind: DocKind;
  id: string;
}

/** `{workspace}/directory`: the playbooks of a workspace. */
export function directoryDocName(workspaceId: string): string {
  return `${workspaceId}/directory`;
}

/** `{workspace}/playbook/{playbookId}`: one Lexical document per playbook. */
export function playbookDocName(workspaceId: string, playbookId: string): string {
  return `${workspaceId}/playbook/${playbookId}`;
}

/** `{workspace}/notes/{playbookId}`: sales notes for a playbook (reserved for the notes feature). */
export function notesDocName(workspaceId: string, playbookId: string): string {
  return `${workspaceId}/notes/${playbookId}`;
}

/** `{workspace}/versions/{playbookId}`: the saved versions of a playbook (metadata + compressed content). */
export function versionsDocName(workspaceId: string, playbookId: string): string {
  return `${workspaceId}/versions/${playbookId}`;
}

/** `{workspace}/approvals/{playbookId}`: storytellers' approval decisions on a playbook's narratives. */
export function approvalsDocName(workspaceId: string, playbookId: string): string {
  return `${workspaceId}/approvals/${playbookId}`;
}

/** The id of the meetings ledger among `{workspace}/meetings/{id}` (meeting ids come from `newId`, never this). */
export const MEETINGS_LEDGER_ID = 'ledger';

/** `{workspace}/meetings/{meetingId}`: one joint review — its agenda, participants and discussion notes. */
export function meetingDocName(workspaceId: string, meetingId: string): string {
  return `${workspaceId}/meetings/${meetingId}`;
}

/** `{workspace}/meetings/ledger`: the list of meetings, their decisions and action items (see meetings.ts). */
export function meetingsLedgerDocName(workspaceId: string): string {
  return meetingDocName(workspaceId, MEETINGS_LEDGER_ID);
}

/** `{workspace}/goals/{workspace}`: the workspace's shared goals (written by storytellers and marketing). */
export function goalsDocName(workspaceId: string): string {
  return `${workspaceId}/goals/${workspaceId}`;
}

/** `{workspace}/crm/{workspace}`: the CRM sync's status, written by the server only (see crmStatus.ts). */
export function crmStatusDocName(workspaceId: string): string {
  return `${workspaceId}/crm/${workspaceId}`;
}

const THREE_PART_KINDS = new Set<DocKind>(['playbook', 'notes', 'versions', 'approvals', 'meetings', 'goals', 'crm']);

/** Parses a document name; returns null for anything that is not exactly one of the known forms. */
export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  if (parts.length === 2 && parts[1] === 'directory' && isValidId(parts[0])) {
    return { workspaceId: parts[0], kind: 'directory', id: parts[0] };
  }
  if (parts.length === 3 && THREE_PART_KINDS.has(parts[1] as DocKind)) {
    const [workspaceId, kind, id] = parts as [string, DocKind, string];
    if (isValidId(workspaceId) && isValidId(id)) return { workspaceId, kind, id };
  }
  return null;
}
