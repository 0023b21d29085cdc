/** Workspace-level actions shared by the welcome screen and the workspace switcher. */
import { useCallback } from 'react';
import { newId } from '@shared/domain/ids';
import { useAppActions } from './AppContext';

/** Create a workspace, or open the sample. */
export function useWorkspaceActions() {
  const { store, addWorkspace } = useAppActions();
  const createWorkspace = useCallback(
    async (name: string) => {
      const clean = name.trim().slice(0, 120);
      if (!clean) return;
      await addWorkspace({ id: newId('w'), name: clean });
    },
    [addWorkspace],
  );
  const openSample = useCallback(async () => {
    // The sample's content (and the code writing it) loads only when someone asks for it.
    const { installSample } = await import('../sample');
    await addWorkspace(await installSample(store));
  }, [addWorkspace, store]);
  return { createWorkspace, openSample };
}
