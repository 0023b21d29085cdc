/**
 * The role this person acts in when a document's own connection has not said it yet (offline, or its
 * connection still opening): the role the server gives them in this workspace (its directory's session),
 * else the role it last gave them (remembered by the link: offline after a restart a viewer stays a viewer),
 * else the device's own role setting (a workspace that is not synced, or its server never reached).
 * Every permission check of a document passes it to `mayDo` beside that document's session.
 */
import type { Role } from '@shared/domain/settings';
import { useLinkSession } from '../sync';
import { useSettings, useWorkspace } from './AppContext';

/** The workspace's word on this person's role, else the local setting. */
export function useWorkspaceRole(): Role {
  const workspace = useWorkspace();
  const settings = useSettings('role');
  const link = useLinkSession(workspace.directoryLink);
  return link?.session?.role ?? link?.lastRole ?? settings.role;
}
