/**
 * A value read from a playbook's versions document (saved versions, workflow records), followed while
 * mounted; the document is shared with everyone else who has it open.
 */
import { useMemo } from 'react';
import { versionsDocName } from '@shared/collab/docNames';
import { useDocValue, type FollowDoc } from '../../collab/useDocValue';
import { useWorkspace } from '../shell/AppContext';

/** `follow`'s value for `playbookId`'s versions document (null: none); `empty` until it is open. */
export function useVersionsValue<T>(playbookId: string | null, follow: FollowDoc<T>, empty: T): T {
  const workspace = useWorkspace();
  const source = useMemo(
    () =>
      playbookId
        ? {
            key: versionsDocName(workspace.id, playbookId),
            open: () => workspace.openVersions(playbookId),
            close: () => workspace.closeVersions(playbookId),
          }
        : null,
    [workspace, playbookId],
  );
  return useDocValue(source, follow, empty);
}
