/**
 * The workspace's roster for its clients: on each connection of the workspace's directory document (every
 * client keeps that one open), the server sends Duet's `members` message with the members its store lists —
 * not revoked, with the name they were invited under and their role. A client therefore knows everyone it
 * can assign work to, also people it has never seen online, and the names are the server's, not a peer's.
 */
import { encodeMembersMessage } from '@shared/collab/syncProtocol';
import type { Session } from '../auth/authorizeUpgrade';
import type { Members } from '../auth/Members';

/** What sending needs of a connection. */
export interface RosterTarget {
  readonly session: Session;
  send(message: Uint8Array): void;
}

/** True for the connections that get the roster: extension-aware clients on the directory document. */
export function wantsRoster(session: Session): boolean {
  return session.extensions && session.doc.kind === 'directory';
}

/** Sends the roster to `target` when it wants one. A store failure is logged; the connection stays. */
export async function sendRoster(target: RosterTarget, members: Pick<Members, 'list'>): Promise<void> {
  if (!wantsRoster(target.session)) return;
  let list;
  try {
    list = await members.list(target.session.doc.workspaceId);
  } catch (error) {
    // The client keeps the people it already knows; the roster comes again with its next connection.
    console.error(`[sync] ${target.session.docName}: the member list could not be read`, error);
    return;
  }
  const current = list
    .filter((m) => m.revokedAt === null)
    .map(({ id, name, role }) => ({ id, name, role }))
    .sort((a, b) => a.name.localeCompare(b.name));
  target.send(encodeMembersMessage(current));
}
