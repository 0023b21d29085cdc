/** The app shell: state provider and the window's content. */
export { AppProvider, useApp, useWorkspace } from './AppContext';
export { preloadWorkspaceView, Shell } from './Shell';
