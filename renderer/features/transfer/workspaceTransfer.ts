/**
 * Export and import of whole workspaces as one `.duet` file. The renderer builds and checks the bytes; the
 * host only shows the dialogs and moves the bytes to and from disk. An import is validated completely
 * before anything is applied, and applying is a lossless Yjs merge: nothing existing is overwritten.
 */
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  WORKSPACE_FILE_EXTENSION,
  type WorkspaceSnapshot,
} from '@shared/format/workspaceFile';
import { fail, ok, type Result } from '@shared/result';
import type { WorkspaceRef } from '@shared/domain/settings';
import type { PickedFile } from '@shared/ipc/contract';
import { platform } from '../../platform/platform';
import type { DocStore } from '../../platform/DocStore';
import { Workspace } from '../workspace/Workspace';

/** A file name for a workspace export: the name without characters file systems or shells dislike. */
export function exportFileName(workspaceName: string, date = new Date()): string {
  const base =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'workspace';
  return `${base}-${date.toISOString().slice(0, 10)}.${WORKSPACE_FILE_EXTENSION}`;
}

/** Exports the workspace; `null` value when the user cancelled the save dialog. */
export async function exportWorkspace(workspace: Workspace): Promise<Result<{ path: string; docs: number } | null>> {
  const snapshot = await workspace.snapshot();
  if (!snapshot.ok) return snapshot;
  const bytes = encodeWorkspaceFile(snapshot.value);
  const written = await platform.invoke('workspace:export', bytes, exportFileName(workspace.name));
  if (!written.ok) return written;
  return ok(written.value && { path: written.value.path, docs: snapshot.value.docs.size });
}

/** What an import did. */
export interface ImportOutcome {
  ref: WorkspaceRef;
  docs: number;
  /** True when the workspace already existed here and the file was merged into it. */
  merged: boolean;
}

/** A workspace file decoded and validated completely, ready to apply (nothing is written yet). */
export interface PreparedImport {
  fileName: string;
  snapshot: WorkspaceSnapshot;
  ref: WorkspaceRef;
  docs: number;
  /** True when this device already knows the workspace: applying merges into it. */
  merged: boolean;
}

/** Decodes and validates `picked` (checksums, limits, every document) before anything is applied. */
export function prepareImport(picked: PickedFile, known: readonly WorkspaceRef[]): Result<PreparedImport> {
  const decoded = decodeWorkspaceFile(picked.bytes);
  if (!decoded.ok) return fail(decoded.error.code, `${picked.fileName}: ${decoded.error.message}`);
  const snapshot = decoded.value;
  const existing = known.find((w) => w.id === snapshot.workspace.id);
  return ok({
    fileName: picked.fileName,
    snapshot,
    ref: existing ?? { ...snapshot.workspace },
    docs: snapshot.docs.size,
    merged: existing !== undefined,
  });
}

/**
 * Applies a prepared import: into the open workspace when it is the same workspace (merged), otherwise
 * into a workspace of its own. A lossless Yjs merge: nothing existing is overwritten.
 */
export async function applyImport(
  store: DocStore,
  open: Workspace | null,
  prepared: PreparedImport,
): Promise<Result<ImportOutcome>> {
  const { snapshot, ref, docs, merged } = prepared;
  if (open && open.id === snapshot.workspace.id) {
    await open.mergeSnapshot(snapshot);
  } else {
    const target = await Workspace.open(store, ref);
    if (!target.ok)
      return fail(target.error.code, `The existing copy of “${ref.name}” cannot be read: ${target.error.message}`);
    await target.value.mergeSnapshot(snapshot);
    await target.value.close();
  }
  return ok({ ref, docs, merged });
}

/**
 * Asks for a file and imports it (File → Import workspace: the user just chose the file, so no further
 * question). Returns `null` value when the user cancelled.
 */
export async function importWorkspace(
  store: DocStore,
  open: Workspace | null,
  known: readonly WorkspaceRef[],
): Promise<Result<ImportOutcome | null>> {
  const picked = await platform.invoke('workspace:import');
  if (!picked.ok || picked.value === null) return picked as Result<null>;
  const prepared = prepareImport(picked.value, known);
  if (!prepared.ok) return prepared;
  return applyImport(store, open, prepared.value);
}
