/** Boots the renderer: reads settings and opens the local document store, then shows the shell. */
import { useEffect, useState } from 'react';
import type { Settings } from '@shared/domain/settings';
import { AppProvider, preloadWorkspaceView, Shell } from '../features/shell';
import { directoryDocName, playbookDocName } from '@shared/collab/docNames';
import { openIndexedDbDocStore } from '../platform/IndexedDbDocStore';
import { prefetchingStore } from '../platform/prefetchingStore';
import { measurePhase } from '../platform/measurePhase';
import { platform } from '../platform/platform';
import type { DocStore } from '../platform/DocStore';
import { profiled } from '../ui/profiled';
import { ToastProvider } from '../ui/Toasts';

type Boot =
  | { status: 'loading' }
  | { status: 'ready'; settings: Settings; store: DocStore }
  | { status: 'failed'; message: string };

/** The root component. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  useEffect(() => {
    const started = performance.now();
    Promise.all([platform.invoke('settings:get'), openIndexedDbDocStore()])
      .then(([settings, raw]) => {
        const store = prefetchingStore(raw);
        // The first screen reopens the last workspace and its last playbook: start reading them now.
        const workspaceId = settings.activeWorkspaceId;
        if (workspaceId) {
          void preloadWorkspaceView();
          store.prefetch(directoryDocName(workspaceId));
          const recent = settings.recentPlaybooks.find((r) => r.workspaceId === workspaceId);
          const reading = performance.now();
          if (recent)
            void store
              .prefetch(playbookDocName(workspaceId, recent.playbookId), { validate: false })
              .then(() => measurePhase('open:read-store', reading));
        }
        measurePhase('open:boot', started);
        setBoot({ status: 'ready', settings, store });
      })
      .catch((error: unknown) => {
        console.error('[app] could not start', error);
        setBoot({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
  }, []);
  if (boot.status === 'loading') return <div className="loading">Starting Duet…</div>;
  if (boot.status === 'failed') {
    return (
      <div className="fatal" role="alert">
        <h1>Duet could not open its local storage</h1>
        <p>{boot.message}</p>
        <p>Your data has not been changed. Close other Duet windows and try again.</p>
      </div>
    );
  }
  return (
    <ToastProvider>
      <AppProvider initialSettings={boot.settings} store={boot.store}>
        {profiled('app', <Shell />)}
      </AppProvider>
    </ToastProvider>
  );
}
