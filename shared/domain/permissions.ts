/**
 * Who may do what — the one table. The server enforces it per document kind (a connection may write a
 * document only when its member's role is among that kind's writers; everyone in a workspace reads
 * everything), and the app reads the same table to decide what to offer, so the two never disagree.
 *
 * An action is what a person does in the app; each is a write to one kind of document, and that kind's
 * writers are who may do it. The app asks `mayDo` with the server's session for that document when it has
 * one (the server's word, e.g. after a role change), and the local role setting until then.
 */
import type { DocKind } from '../collab/docNames';
import type { Role } from './settings';

/** Writers per document kind. The server's role check reads this table (server/auth/permissions.ts). */
export const WRITERS: Readonly<Record<DocKind, readonly Role[]>> = {
  directory: ['storyteller', 'marketing'],
  playbook: ['storyteller', 'marketing'],
  notes: ['storyteller', 'marketing', 'sales'],
  // Versions are taken by those who write the playbook; sales and viewers read them (the review uses them).
  versions: ['storyteller', 'marketing'],
  // Approving is a storyteller's word: the server refuses anyone else's write to the approvals document, so
  // an "Approved" badge cannot be forged by a client that skips the UI.
  approvals: ['storyteller'],
  // Joint reviews are run by both teams: sales adds notes, decisions and action items like everyone else.
  meetings: ['storyteller', 'marketing', 'sales'],
  // Shared goals are set by those who own the story; everyone sees them measured.
  goals: ['storyteller', 'marketing'],
  // The CRM sync's status is the server's own account of it (server/crm/CrmRunner.ts): no member writes it.
  crm: [],
};

/** Each action of the app and the document kind it writes. */
export const ACTIONS = {
  /** Create, rename, duplicate or delete playbooks (the workspace directory). */
  'playbooks.manage': 'directory',
  /** Change the brand theme decks use (stored in the directory). */
  'brand.edit': 'directory',
  /** Write in a playbook: text, narratives and their fields. */
  'playbook.edit': 'playbook',
  /** Log and edit deals, and anchor notes to words (the notes document). */
  'notes.write': 'notes',
  /** Save, and restore from, versions of a playbook. */
  'versions.save': 'versions',
  /** Request review of a narrative, retire it or reopen it (records in the versions document). */
  'narratives.requestReview': 'versions',
  /** Approve a narrative or send it back with a comment; set the playbook's review period. */
  'narratives.approve': 'approvals',
  /** Create joint reviews and add notes, decisions and action items to them. */
  'meetings.write': 'meetings',
  /** Define, change and remove the workspace's shared goals. */
  'goals.edit': 'goals',
} as const satisfies Record<string, DocKind>;

/**
 * Who may change or delete deals and anchored notes that another member wrote (moderation). Everyone else
 * changes only their own: the server checks the author's member id of every deal and note an update
 * touches (server/sync/guardNotesUpdate.ts) and refuses the update otherwise.
 */
export const MODERATORS: readonly Role[] = ['storyteller'];

/** True when `role` may change what other members wrote in the notes document. */
export function mayModerate(role: Role): boolean {
  return MODERATORS.includes(role);
}

/** What a person can do that the server checks. */
export type Action = keyof typeof ACTIONS;

/** True when `role` may write documents of `kind`. */
export function canWrite(role: Role, kind: DocKind): boolean {
  return WRITERS[kind].includes(role);
}

/** True when `role` may do `action`, by the table alone. */
export function may(role: Role, action: Action): boolean {
  return canWrite(role, ACTIONS[action]);
}

/**
 * Whether to offer `action`: the server's word for the document it writes once the server has spoken
 * (`session` of that document's connection), the table for the local role setting until then.
 */
export function mayDo(action: Action, localRole: Role, session: { canWrite: boolean } | null | undefined): boolean {
  return session ? session.canWrite : may(localRole, action);
}
