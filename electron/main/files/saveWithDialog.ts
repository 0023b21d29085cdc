/**
 * The one way main writes a file the user asked for: a save dialog in the user's folder with a sanitised
 * suggested name, then an atomic write to exactly the confirmed path. Used by workspace export and by deck
 * and Markdown exports.
 */
import type { SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { fail, ok, type Result } from '@shared/result';
import { isSystemError } from '../systemError';
import { writeFileAtomic, type AtomicWriteFs } from '../workspace/writeFileAtomic';

/** What saving needs from the outside world. */
export interface SaveWithDialogDeps {
  /** dialog.showSaveDialog, already bound to the parent window. */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  fs: AtomicWriteFs & { access(path: string): Promise<void> };
  /** Where the dialog starts (the user's Documents folder). */
  defaultDirectory: string;
}

/** What to save and how the dialog presents it. */
export interface SaveRequest {
  title: string;
  buttonLabel: string;
  /** Already sanitised to a bare file name with its extension. */
  fileName: string;
  filter: { name: string; extensions: string[] };
  /** Without the dot. */
  extension: string;
  /** The verb of the "choose another name" message: "Export", "Save". */
  againVerb: string;
  bytes: Uint8Array;
}

/** Asks for a path and writes atomically; cancel → ok(null). */
export async function saveWithDialog(
  deps: SaveWithDialogDeps,
  request: SaveRequest,
): Promise<Result<{ path: string } | null>> {
  const choice = await deps.showSaveDialog({
    title: request.title,
    buttonLabel: request.buttonLabel,
    defaultPath: join(deps.defaultDirectory, request.fileName),
    filters: [request.filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return ok(null);

  let path = choice.filePath;
  if (!path.toLowerCase().endsWith(`.${request.extension}`)) {
    // Some Linux dialogs return the name exactly as typed. Adding the extension names a file the user did
    // not confirm overwriting, so an existing one there is refused instead of silently replaced.
    path = `${path}.${request.extension}`;
    if (await exists(deps.fs, path)) {
      return fail(
        'invalid-input',
        `A file named ${path} already exists. ${request.againVerb} again and choose another name.`,
      );
    }
  }
  const written = await writeFileAtomic(deps.fs, path, request.bytes);
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
