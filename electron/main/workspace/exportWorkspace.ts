/**
 * 'workspace:export': asks where to save and writes the workspace file the renderer encoded. The bytes are
 * opaque here (the renderer owns the format); main only checks their type and size and writes them safely.
 */
import { isUint8Array } from 'node:util/types';
import { MAX_WORKSPACE_FILE_BYTES } from '@shared/ipc/contract';
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFile';
import { fail, type Result } from '@shared/result';
import { saveWithDialog, type SaveWithDialogDeps } from '../files/saveWithDialog';
import { formatMegabytes } from './formatMegabytes';
import { sanitizeWorkspaceFileName } from './workspaceFileName';

/** The file-type filter both dialogs show. */
export const WORKSPACE_FILE_FILTER = { name: 'Duet workspace', extensions: [WORKSPACE_FILE_EXTENSION] };

/** What an export needs from the outside world. */
export type ExportWorkspaceDeps = SaveWithDialogDeps;

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

  return saveWithDialog(deps, {
    title: 'Export workspace',
    buttonLabel: 'Export',
    fileName: sanitizeWorkspaceFileName(suggestedName),
    filter: WORKSPACE_FILE_FILTER,
    extension: WORKSPACE_FILE_EXTENSION,
    againVerb: 'Export',
    bytes,
  });
}
