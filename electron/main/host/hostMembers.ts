/**
 * The members of the hosted server as the host dialog manages them: listed with who is connected now, a
 * role changed, a member revoked. The server applies changes to open connections by itself (its membership
 * check every 2 s), so these only write the members store.
 */
import type { HostMember, HostRoleChange } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
import { lastStorytellerRefusal } from '../../../server/auth/keepStoryteller';
import type { Member, Members } from '../../../server/auth/Members';

/** A member with the number of their devices connected now. */
export function toHostMember(member: Member, devices: ReadonlyMap<string, number>): HostMember {
  const { id, name, role, createdAt, lastSeenAt, revokedAt } = member;
  return { id, name, role, createdAt, lastSeenAt, revokedAt, devices: devices.get(id) ?? 0 };
}

/** Members of one workspace: active ones first (in the order they were invited), then the revoked ones. */
export async function listHostMembers(
  members: Members,
  devices: ReadonlyMap<string, number>,
  workspaceId: string,
): Promise<HostMember[]> {
  const listed = (await members.list(workspaceId)).map((member) => toHostMember(member, devices));
  return [...listed.filter((m) => m.revokedAt === null), ...listed.filter((m) => m.revokedAt !== null)];
}

/** Changes an active member's role. */
export async function setHostMemberRole(
  members: Members,
  devices: ReadonlyMap<string, number>,
  change: HostRoleChange,
): Promise<Result<HostMember>> {
  const member = await members.get(change.memberId);
  if (member === null) return fail('not-found', 'That member is no longer on this server.');
  if (member.revokedAt !== null) return fail('denied', `${member.name} was revoked; invite them again instead.`);
  const lastStoryteller = await lastStorytellerRefusal(members, member, { role: change.role });
  if (lastStoryteller !== null) return fail('denied', lastStoryteller);
  if (member.role !== change.role && !(await members.setRole(member.id, change.role))) {
    return fail('denied', `${member.name} was revoked meanwhile; invite them again instead.`);
  }
  console.log(`[host] ${member.id} is now ${change.role} (was ${member.role})`);
  return ok(toHostMember({ ...member, role: change.role }, devices));
}

/** Revokes a member; revoking one already revoked is refused, so the dialog can say so. */
export async function revokeHostMember(
  members: Members,
  devices: ReadonlyMap<string, number>,
  memberId: string,
  nowSeconds: number,
): Promise<Result<HostMember>> {
  const member = await members.get(memberId);
  if (member === null) return fail('not-found', 'That member is no longer on this server.');
  const lastStoryteller = await lastStorytellerRefusal(members, member, { revoke: true });
  if (lastStoryteller !== null) return fail('denied', lastStoryteller);
  if (!(await members.revoke(memberId, nowSeconds))) return fail('denied', `${member.name} was already revoked.`);
  console.log(`[host] revoked ${member.id}`);
  return ok(toHostMember({ ...member, revokedAt: nowSeconds }, devices));
}
