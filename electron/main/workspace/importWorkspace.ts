/**
 * 'workspace:import': asks for a .duet file and returns its bytes; the renderer decodes and validates the
 * format. The size is checked on the open handle before reading, so a huge (or endlessly growing) file is
 * refused without being loaded into memory.
 */
import type { OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { MAX_WORKSPACE_FILE_BYTES, type PickedFile } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
import { describeSystemError, isSystemError } from '../systemError';
import { WORKSPACE_FILE_FILTER } from './exportWorkspace';
import { formatMegabytes } from './formatMegabytes';

/** The file handle operations used (node:fs/promises FileHandle). */
export interface ReadableFileHandle {
  stat(): Promise<{ size: number; isFile(): boolean }>;
  readFile(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** What an import needs from the outside world. */
export interface ImportWorkspaceDeps {
  /** dialog.showOpenDialog, already bound to the parent window. */
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  fs: { open(path: string, flags: 'r'): Promise<ReadableFileHandle> };
  defaultDirectory: string;
  /** Told the path of each file read successfully (File → Open Recent). */
  remember?(path: string): void;
}

/** Shows the open dialog and reads the chosen file. Cancel → ok(null). */
export async function importWorkspace(deps: ImportWorkspaceDeps): Promise<Result<PickedFile | null>> {
  const choice = await deps.showOpenDialog({
    title: 'Import workspace',
    buttonLabel: 'Import',
    defaultPath: deps.defaultDirectory,
    filters: [WORKSPACE_FILE_FILTER],
    properties: ['openFile'],
  });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return ok(null);
  const read = await readWorkspaceFile(deps.fs, path);
  if (read.ok) deps.remember?.(path);
  return read;
}

/**
 * Reads a workspace file at `path` with the import's checks (a regular file, at most
 * MAX_WORKSPACE_FILE_BYTES, measured on the open handle and again on what was read). Used by the import
 * dialog and by files handed to Duet by the OS (double-click, "Open with", File → Open Recent).
 */
export async function readWorkspaceFile(fs: ImportWorkspaceDeps['fs'], path: string): Promise<Result<PickedFile>> {
  const fileName = basename(path);
  try {
    const handle = await fs.open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return fail('invalid-input', `${fileName} is not a file. Choose a .duet workspace file.`);
      if (stats.size > MAX_WORKSPACE_FILE_BYTES) return tooLarge(fileName, stats.size);
      const bytes = await handle.readFile();
      // The file may have grown between stat and read; the limit holds for what was actually read.
      if (bytes.byteLength > MAX_WORKSPACE_FILE_BYTES) return tooLarge(fileName, bytes.byteLength);
      return ok({ fileName, bytes: ownBytes(bytes) });
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return fail('io', `${fileName} could not be read: ${describeSystemError(error)}.`);
  }
}

function tooLarge(fileName: string, size: number): Result<never> {
  return fail(
    'too-large',
    `${fileName} is ${formatMegabytes(size)}; Duet imports workspace files up to ${formatMegabytes(MAX_WORKSPACE_FILE_BYTES)}.`,
  );
}

/**
 * IPC serialises a typed array together with its whole underlying buffer. A Buffer may be a slice of a
 * shared pool, so it is copied unless it owns its memory, and a Buffer subclass becomes a plain Uint8Array.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
  }
  return new Uint8Array(bytes);
}
