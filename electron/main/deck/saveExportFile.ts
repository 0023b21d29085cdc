/**
 * 'deck:save': asks where to save an exported deck (.pptx, .pdf) or playbook (.md) and writes the bytes the
 * renderer produced. The suggested name comes from a title the user typed, so it is sanitised to a bare file
 * name inside the dialog's starting folder; the only path ever written is the one the user confirmed.
 */
import type { SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { isUint8Array } from 'node:util/types';
import { hasExportExtension, isExportKind, sanitizeExportFileName, type ExportKind } from '@shared/deck/exportFileName';
import { fail, ok, type Result } from '@shared/result';
import { isSystemError } from '../systemError';
import { formatMegabytes } from '../workspace/formatMegabytes';
import { writeFileAtomic, type AtomicWriteFs } from '../workspace/writeFileAtomic';

/** Largest export written (a 500-slide deck with a logo is a few megabytes). */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

/** The dialog's file-type filter per kind. */
export const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  pptx: { name: 'PowerPoint presentation', extensions: ['pptx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
};

/** What saving needs from the outside world. */
export interface SaveExportDeps {
  /** dialog.showSaveDialog, already bound to the parent window. */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  fs: AtomicWriteFs & { access(path: string): Promise<void> };
  /** Where the dialog starts (the user's Documents folder). */
  defaultDirectory: string;
}

/** Validates, asks for a path, writes atomically. Cancel → ok(null). */
export async function saveExportFile(
  deps: SaveExportDeps,
  bytes: unknown,
  suggestedName: unknown,
  kind: unknown,
): Promise<Result<{ path: string } | null>> {
  if (!isExportKind(kind)) return fail('invalid-input', 'Duet exports PowerPoint, PDF and Markdown files only.');
  if (!isUint8Array(bytes)) return fail('invalid-input', 'Nothing to save: the exported file is missing.');
  if (bytes.byteLength > MAX_EXPORT_BYTES) {
    return fail(
      'too-large',
      `This export is ${formatMegabytes(bytes.byteLength)}; the limit is ${formatMegabytes(MAX_EXPORT_BYTES)}.`,
    );
  }
  if (typeof suggestedName !== 'string') return fail('invalid-input', 'The export needs a file name.');

  const choice = await deps.showSaveDialog({
    title: kind === 'md' ? 'Export Markdown' : 'Save deck',
    buttonLabel: 'Save',
    defaultPath: join(deps.defaultDirectory, sanitizeExportFileName(suggestedName, kind)),
    filters: [EXPORT_FILTERS[kind]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return ok(null);

  let path = choice.filePath;
  if (!hasExportExtension(path, kind)) {
    // The user confirmed overwriting `path`, not `path.ext`: an existing file there is refused, not replaced.
    path = `${path}.${kind}`;
    if (await exists(deps.fs, path)) {
      return fail('invalid-input', `A file named ${path} already exists. Save again and choose another name.`);
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
    return error.code !== 'ENOENT';
  }
}
