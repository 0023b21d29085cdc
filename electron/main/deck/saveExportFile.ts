/**
 * 'deck:save': asks where to save an exported deck (.pptx, .pdf) or playbook (.md) and writes the bytes the
 * renderer produced. The suggested name comes from a title the user typed, so it is sanitised to a bare file
 * name inside the dialog's starting folder; the only path ever written is the one the user confirmed.
 */
import { isUint8Array } from 'node:util/types';
import { isExportKind, sanitizeExportFileName, type ExportKind } from '@shared/deck/exportFileName';
import { fail, type Result } from '@shared/result';
import { saveWithDialog, type SaveWithDialogDeps } from '../files/saveWithDialog';
import { formatMegabytes } from '../workspace/formatMegabytes';

/** Largest export written (a 500-slide deck with a logo is a few megabytes). */
export const MAX_EXPORT_BYTES = 100 * 1024 * 1024;

/** The dialog's file-type filter per kind. */
export const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  pptx: { name: 'PowerPoint presentation', extensions: ['pptx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
};

/** What saving needs from the outside world. */
export type SaveExportDeps = SaveWithDialogDeps;

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

  return saveWithDialog(deps, {
    title: kind === 'md' ? 'Export Markdown' : 'Save deck',
    buttonLabel: 'Save',
    fileName: sanitizeExportFileName(suggestedName, kind),
    filter: EXPORT_FILTERS[kind],
    extension: kind,
    againVerb: 'Save',
    bytes,
  });
}
