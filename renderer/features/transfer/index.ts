/**
 * Workspace export and import, and workspace files arriving from outside (the OS, a drop). The file format
 * and its checks (workspaceTransfer.ts: the encoder, the decoder and its schemas) load on the first export,
 * import or arriving file; the first screen only listens for files.
 */
import type { PickedFile } from '@shared/ipc/contract';
import type { WorkspaceRef } from '@shared/domain/settings';
import { fail, type Result } from '@shared/result';
import type { DocStore } from '../../platform/DocStore';
import { PART_NOT_LOADED, retryingImport } from '../../platform/retryingImport';
import { lazyPart } from '../../ui/lazyPart';
import type { Workspace } from '../workspace/Workspace';
import type { ImportOutcome, PreparedImport } from './workspaceTransfer';

export type { ImportOutcome, PreparedImport } from './workspaceTransfer';
export { dragHasFiles, droppedKind, readDroppedWorkspace, type DroppedKind } from './droppedFiles';

/** "Import this workspace?"; its code loads the first time a file arrives. */
export const ImportConfirmDialog = lazyPart(() => import('./ImportConfirmDialog'), 'ImportConfirmDialog', {
  label: 'Reading the file…',
  shape: 'dialog',
});

const loadTransfer = retryingImport(() => import('./workspaceTransfer'));

/** Runs `run` with the transfer code, or says it could not be loaded (a file missing after an update). */
async function withTransfer<T>(
  run: (transfer: Awaited<ReturnType<typeof loadTransfer>>) => Promise<Result<T>> | Result<T>,
): Promise<Result<T>> {
  let transfer: Awaited<ReturnType<typeof loadTransfer>>;
  try {
    transfer = await loadTransfer();
  } catch (error) {
    console.error('[transfer] the import and export code could not be loaded', error);
    return fail('io', PART_NOT_LOADED);
  }
  return run(transfer);
}

/** Exports the workspace; `null` value when the user cancelled the save dialog. */
export function exportWorkspace(workspace: Workspace): Promise<Result<{ path: string; docs: number } | null>> {
  return withTransfer((transfer) => transfer.exportWorkspace(workspace));
}

/** Decodes and validates `picked` (checksums, limits, every document) before anything is applied. */
export function prepareImport(picked: PickedFile, known: readonly WorkspaceRef[]): Promise<Result<PreparedImport>> {
  return withTransfer((transfer) => transfer.prepareImport(picked, known));
}

/** Applies a prepared import: merged into the open workspace when it is the same one, else into its own. */
export function applyImport(
  store: DocStore,
  open: Workspace | null,
  prepared: PreparedImport,
): Promise<Result<ImportOutcome>> {
  return withTransfer((transfer) => transfer.applyImport(store, open, prepared));
}

/** Asks for a file and imports it; `null` value when the user cancelled. */
export function importWorkspace(
  store: DocStore,
  open: Workspace | null,
  known: readonly WorkspaceRef[],
): Promise<Result<ImportOutcome | null>> {
  return withTransfer((transfer) => transfer.importWorkspace(store, open, known));
}
