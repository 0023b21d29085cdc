/**
 * A workspace never loses its last storyteller by accident: only a storyteller approves narratives, changes
 * what every role may do and moderates, so demoting or revoking the last active one would leave nobody who
 * can. The host dialog and the `role`/`revoke` commands ask this before they write; making someone else a
 * storyteller first is the way out, and the message says so.
 */
import type { Role } from '@shared/domain/settings';
import type { Member, Members } from './Members';

/** What is about to happen to `member`: a new role, or revocation. */
export type MemberChange = { role: Role } | { revoke: true };

/** Null when the change keeps a storyteller in the member's workspace; else why it is refused, in words. */
export async function lastStorytellerRefusal(
  members: Members,
  member: Member,
  change: MemberChange,
): Promise<string | null> {
  if (member.role !== 'storyteller' || member.revokedAt !== null) return null;
  if ('role' in change && change.role === 'storyteller') return null;
  const others = (await members.list(member.workspace)).filter(
    (m) => m.id !== member.id && m.role === 'storyteller' && m.revokedAt === null,
  );
  if (others.length > 0) return null;
  return (
    `${member.name} is the last storyteller of ${member.workspace}: make someone else a storyteller first, ` +
    'so somebody can still approve narratives and manage the workspace.'
  );
}
