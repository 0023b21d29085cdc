/**
 * The versions side of an open playbook: opens its versions document beside it for as long as the view
 * lives, keeps the list current and knows who may save (the server's word once it has spoken; until then
 * the role: storytellers and marketing write versions, everyone reads them).
 */
import { useEffect, useMemo, useState } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import { mayDo } from '@shared/domain/permissions';
import { useWorkspace } from '../shell/AppContext';
import { useWorkspaceRole } from '../shell/useWorkspaceRole';
import { useLinkSession } from '../sync';
import { VersionLibrary } from './VersionLibrary';
import type { VersionsSession } from './VersionsSession';

/** What the playbook view needs of its versions. */
export interface PlaybookVersionsState {
  library: VersionLibrary | null;
  versions: VersionMeta[];
  canWrite: boolean;
}

const NO_VERSIONS: VersionMeta[] = [];

/** Opens the versions of `playbookId`. */
export function usePlaybookVersions(playbookId: string): PlaybookVersionsState {
  const workspace = useWorkspace();
  const role = useWorkspaceRole();
  const [session, setSession] = useState<VersionsSession | null>(null);
  const [versions, setVersions] = useState<VersionMeta[]>(NO_VERSIONS);
  const link = useLinkSession(session?.link ?? null);

  useEffect(() => {
    let cancelled = false;
    void workspace.openVersions(playbookId).then((result) => {
      if (!result.ok) return console.error('[versions] cannot open versions', result.error.message);
      if (!cancelled) setSession(result.value);
    });
    return () => {
      cancelled = true;
      setSession(null);
      void workspace.closeVersions(playbookId);
    };
  }, [workspace, playbookId]);

  const library = useMemo(() => (session ? new VersionLibrary(session.doc) : null), [session]);
  useEffect(() => {
    if (!library) return;
    setVersions(library.list());
    return library.observe(setVersions);
  }, [library]);

  const canWrite = library !== null && mayDo('versions.save', role, link?.session);
  return { library, versions, canWrite };
}
