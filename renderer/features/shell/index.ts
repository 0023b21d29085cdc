/** The app shell: state provider and the window's content. */
export { AppProvider, useAppActions, useSettings, useWorkspace, useWorkspaceState } from './AppContext';
export { preloadWorkspaceView, Shell } from './Shell';
