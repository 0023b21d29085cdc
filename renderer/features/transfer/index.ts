/** Workspace export and import, and workspace files arriving from outside (the OS, a drop). */
export {
  applyImport,
  exportFileName,
  exportWorkspace,
  importWorkspace,
  prepareImport,
  type ImportOutcome,
  type PreparedImport,
} from './workspaceTransfer';
export { ImportConfirmDialog } from './ImportConfirmDialog';
export { dragHasFiles, droppedKind, readDroppedWorkspace, type DroppedKind } from './droppedFiles';
