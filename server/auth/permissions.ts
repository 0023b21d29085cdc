/**
 * Who may write which kind of document. Everyone in a workspace reads everything; the server enforces the
 * write side by dropping a read-only connection's updates.
 */
import type { DocKind } from '@shared/collab/docNames';
import type { Role } from '@shared/domain/settings';

const WRITERS: Record<DocKind, readonly Role[]> = {
  playbook: ['storyteller', 'marketing'],
  notes: ['storyteller', 'marketing', 'sales'],
  directory: ['storyteller', 'marketing'],
  // Versions are taken by those who write the playbook; sales and viewers read them (and the review uses them).
  versions: ['storyteller', 'marketing'],
};

/** True when `role` may change documents of `kind`. */
export function canWrite(role: Role, kind: DocKind): boolean {
  return WRITERS[kind].includes(role);
}
