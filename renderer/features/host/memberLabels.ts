/**
 * The words the members section uses: when someone was last seen, how many devices are connected, and what
 * a confirmation says before a change that takes something away. Pure, so every wording is unit-tested.
 */
import type { Role } from '@shared/domain/settings';
import type { HostMember } from '@shared/ipc/contract';

/** A change waiting for the admin's confirmation. */
export type PendingMemberChange =
  { kind: 'revoke'; member: HostMember } | { kind: 'role'; member: HostMember; role: Role };

/** What a confirmation dialog shows. */
export interface Confirmation {
  title: string;
  message: string;
  confirmLabel: string;
}

/** What each role may do, in words (the server's write permissions). */
export const ROLE_CAN: Record<Role, string> = {
  storyteller: 'can write playbooks and deal notes',
  marketing: 'can write playbooks and deal notes',
  sales: 'can read playbooks and write deal notes',
  viewer: 'can read everything but write nothing',
};

/** Higher ranks may do at least what lower ones may: going down takes something away. */
const RANK: Record<Role, number> = { storyteller: 3, marketing: 2, sales: 1, viewer: 0 };

/** True when `to` may do less than `from` (asks for confirmation first). */
export function isDemotion(from: Role, to: Role): boolean {
  return RANK[to] < RANK[from];
}

/** "Connected now", "Just now", "5 min ago", "3 h ago", "Yesterday", "12 days ago", "Never connected". */
export function lastSeenLabel(member: Pick<HostMember, 'lastSeenAt' | 'devices'>, nowSeconds: number): string {
  if (member.devices > 0) return 'Connected now';
  if (member.lastSeenAt === null) return 'Never connected';
  const seconds = Math.max(0, nowSeconds - member.lastSeenAt);
  if (seconds < 60) return 'Just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'Yesterday';
  if (days < 30) return `${days} days ago`;
  return `On ${new Date(member.lastSeenAt * 1000).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

/** "—", "1 device", "3 devices". */
export function devicesLabel(devices: number): string {
  if (devices === 0) return '—';
  return devices === 1 ? '1 device' : `${devices} devices`;
}

/** The confirmation for a pending change, naming the person and what will happen; `selfId` is this app's member. */
export function confirmationFor(pending: PendingMemberChange, selfId: string | null = null): Confirmation {
  const { member } = pending;
  const their = member.devices === 1 ? 'their connected device' : `their ${member.devices} connected devices`;
  if (pending.kind === 'revoke') {
    const disconnect =
      member.devices > 0
        ? ` and ${their} ${member.devices === 1 ? 'is' : 'are'} disconnected within a few seconds`
        : '';
    return {
      title: `Revoke ${member.name}?`,
      message:
        `${member.name} (${member.role}) can no longer connect: their invite stops working${disconnect}. ` +
        'What they already wrote stays. To let them back in, create a new invite.',
      confirmLabel: `Revoke ${member.name}`,
    };
  }
  const switches =
    member.devices > 0
      ? ` ${capitalize(their)} ${member.devices === 1 ? 'switches' : 'switch'} within a few seconds.`
      : '';
  return {
    title: `Change ${member.name}’s role to ${pending.role}?`,
    message:
      `As ${pending.role}, ${member.name} ${ROLE_CAN[pending.role]} (as ${member.role} they ${ROLE_CAN[member.role]}).` +
      `${switches} Edits the new role does not allow are not saved on the server.` +
      (member.id === selfId ? ' This is you: this app gets the new role too (you can change it back here).' : ''),
    confirmLabel: `Change to ${pending.role}`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
