/**
 * The renderer's start, begun as the bundle runs — before React has rendered anything — so that nothing a
 * returning user waits for queues behind a render. The settings and the local document store are read at
 * once; as soon as the settings name a workspace, the workspace screen's code starts loading, and as soon
 * as the store is open, the workspace and its last playbook open — from the records the early entry has
 * read already (platform/earlyDocRead.ts), or else read then, side by side with the rest. The
 * window renders once the code for its first screen is in, so the open workspace never shows a loading
 * panel first (React holds back content revealed after a fallback, which would cost ~300 ms here).
 */
import { directoryDocName, playbookDocName } from '@shared/collab/docNames';
import {
  createAppStores,
  preloadWelcome,
  preloadWorkspaceView,
  reopenLastWorkspace,
  type AppStores,
} from '../features/shell';
import { rememberFirstScreen, takeEarlyRecords } from './earlyPreload';
import { openIndexedDbDocStore } from '../platform/IndexedDbDocStore';
import { forgetFirstDocs, rememberFirstDocs } from '../platform/earlyDocRead';
import { measurePhase } from '../platform/measurePhase';
import { platform } from '../platform/platform';

/** How the start went: the app's stores, or why the local storage could not be opened. */
export type Boot = { status: 'ready'; stores: AppStores } | { status: 'failed'; message: string };

/** Starts everything the first screen needs; resolves when the window can render it. */
export function startBoot(): Promise<Boot> {
  const started = performance.now();
  const settingsRead = platform.invoke('settings:get');
  // Settings arrive well before IndexedDB is open: the first screen's code starts loading on them alone.
  const codeLoaded = settingsRead.then((settings) =>
    settings.activeWorkspaceId ? preloadWorkspaceView() : preloadWelcome(),
  );
  return Promise.all([settingsRead, openIndexedDbDocStore(undefined, undefined, takeEarlyRecords())]).then(
    async ([settings, store]): Promise<Boot> => {
      rememberFirstScreen(Boolean(settings.activeWorkspaceId));
      const stores = createAppStores(settings, store);
      followFirstDocs(stores.settings);
      // A load that throws is a bug (an unreadable directory is a result the screen shows): report it loudly.
      void reopenLastWorkspace(stores)?.catch((error: unknown) =>
        console.error('[app] could not reopen the last workspace', error),
      );
      measurePhase('open:boot', started);
      await codeLoaded; // never rejects: a part that fails to load says so where it shows
      return { status: 'ready', stores };
    },
    (error: unknown): Boot => {
      console.error('[app] could not start', error);
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    },
  );
}

/**
 * Keeps the hint of which documents the next start reads early (earlyDocRead.ts) in step with the settings:
 * the active workspace's directory and the playbook last open there. Runs for the app's lifetime.
 */
function followFirstDocs(settings: AppStores['settings']): () => void {
  const remember = (): void => {
    const { activeWorkspaceId: workspaceId, recentPlaybooks } = settings.get();
    if (!workspaceId) return forgetFirstDocs();
    const recent = recentPlaybooks.find((r) => r.workspaceId === workspaceId);
    rememberFirstDocs([
      directoryDocName(workspaceId),
      ...(recent ? [playbookDocName(workspaceId, recent.playbookId)] : []),
    ]);
  };
  remember();
  return settings.subscribe(remember);
}
