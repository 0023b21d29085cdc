/** Workspace export and import, and workspace files arriving from outside (the OS, a drop). */
import { lazyPart } from '../../ui/lazyPart';

export {
  applyImport,
  exportFileName,
  exportWorkspace,
  importWorkspace,
  prepareImport,
  type ImportOutcome,
  type PreparedImport,
} from './workspaceTransfer';
/** "Import this workspace?"; its code loads the first time a file arrives. */
export const ImportConfirmDialog = lazyPart(() => import('./ImportConfirmDialog'), 'ImportConfirmDialog', {
  label: 'Reading the file…',
  shape: 'dialog',
});
export { dragHasFiles, droppedKind, readDroppedWorkspace, type DroppedKind } from './droppedFiles';
