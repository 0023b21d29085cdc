/** Workspace export and import. */
export { exportFileName, exportWorkspace, importWorkspace, type ImportOutcome } from './workspaceTransfer';
