/**
 * 'workspace:export': asks where to save and writes the workspace file the renderer encoded. The bytes are
 * opaque here (the renderer owns the format); main only checks their type and size and writes them safely.
 */
import type { SaveDialogOptions } from 'electron';
import { isUint8Array } from 'node:util/types';
import { join } from 'node:path';
import { MAX_WORKSPACE_FILE_BYTES } from '@shared/ipc/contract';
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFile';
import { fail, ok, type Result } from '@shared/result';
import { isSystemError } from '../systemError';
import { formatMegabytes } from './formatMegabytes';
import { hasWorkspaceExtension, sanitizeWorkspaceFileName } from './workspaceFileName';
import { writeFileAtomic, type AtomicWriteFs } from './writeFileAtomic';

/** The file-type filter both dialogs show. */
export const WORKSPACE_FILE_FILTER = { name: 'Duet workspace', extensions: [WORKSPACE_FILE_EXTENSION] };

/** What an export needs from the outside world. */
export interface ExportWorkspaceDeps {
  /** dialog.showSaveDialog, already bound to the parent window. */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  fs: AtomicWriteFs & { access(path: string): Promise<void> };
  /** Where the dialog starts (the user's Documents folder). */
  defaultDirectory: string;
}

/** Validates the arguments, asks for a path and writes atomically. Cancel → ok(null). */
export async function exportWorkspace(
  deps: ExportWorkspaceDeps,
  bytes: unknown,
  suggestedName: unknown,
): Promise<Result<{ path: string } | null>> {
  // isUint8Array works across realms, unlike instanceof; IPC delivers typed arrays as Uint8Array.
  if (!isUint8Array(bytes)) return fail('invalid-input', 'Nothing to export: the workspace data is missing.');
  if (bytes.byteLength > MAX_WORKSPACE_FILE_BYTES) {
    return fail(
      'too-large',
      `This workspace is ${formatMegabytes(bytes.byteLength)}; Duet saves workspace files up to ${formatMegabytes(MAX_WORKSPACE_FILE_BYTES)}.`,
    );
  }
  if (typeof suggestedName !== 'string') return fail('invalid-input', 'The export needs a file name.');

  const choice = await deps.showSaveDialog({
    title: 'Export workspace',
    buttonLabel: 'Export',
    defaultPath: join(deps.defaultDirectory, sanitizeWorkspaceFileName(suggestedName)),
    filters: [WORKSPACE_FILE_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return ok(null);

  let path = choice.filePath;
  if (!hasWorkspaceExtension(path)) {
    // Some Linux dialogs return the name exactly as typed. Adding the extension names a file the user did
    // not confirm overwriting, so an existing one there is refused instead of silently replaced.
    path = `${path}.${WORKSPACE_FILE_EXTENSION}`;
    if (await exists(deps.fs, path)) {
      return fail('invalid-input', `A file named ${path} already exists. Export again and choose another name.`);
    }
  }
  const written = await writeFileAtomic(deps.fs, path, bytes);
  return written.ok ? ok({ path }) : written;
}

async function exists(fs: { access(path: string): Promise<void> }, path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch (error) {
    if (!isSystemError(error)) throw error;
    // Only "does not exist" is safe to write to; EACCES and the like may hide a file we would replace.
    return error.code !== 'ENOENT';
  }
}
