/** The app shell: state provider and the window's content. */
export {
  AppProvider,
  createAppStores,
  reopenLastWorkspace,
  useAppActions,
  useSettings,
  useWorkspace,
  useWorkspaceState,
  type AppStores,
} from './AppContext';
export { preloadWelcome, preloadWorkspaceView, Shell } from './Shell';
