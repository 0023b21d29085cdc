/**
 * The role this person acts in when a document's own connection has not said it yet (offline, or its
 * connection still opening): the role the server gave them in this workspace (its directory's session), else
 * the device's own role setting (a workspace that is not synced, or the server not reached since start).
 * Every permission check of a document passes it to `mayDo` beside that document's session.
 */
import type { Role } from '@shared/domain/settings';
import { useLinkSession } from '../sync';
import { useSettings, useWorkspace } from './AppContext';

/** The workspace's word on this person's role, else the local setting. */
export function useWorkspaceRole(): Role {
  const workspace = useWorkspace();
  const settings = useSettings('role');
  return useLinkSession(workspace.directoryLink)?.session?.role ?? settings.role;
}
