/**
 * Files dropped on the window: what kind they are and their bytes, with the import's size limit checked
 * before anything is read (a 2 GB file dropped by mistake is never loaded).
 */
import { WORKSPACE_FILE_EXTENSION } from '@shared/format/workspaceFileExtension';
import { MAX_WORKSPACE_FILE_BYTES, type PickedFile } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';

/** What a dropped file is to Duet, by its name (the OS's MIME type for .duet is unknown). */
export type DroppedKind = 'workspace' | 'csv' | 'other';

/** The kind of a file named `name`. */
export function droppedKind(name: string): DroppedKind {
  const lower = name.toLowerCase();
  if (lower.endsWith(`.${WORKSPACE_FILE_EXTENSION}`)) return 'workspace';
  if (lower.endsWith('.csv')) return 'csv';
  return 'other';
}

/** True when a drag carries files (not text or a link from the page itself). */
export function dragHasFiles(event: DragEvent): boolean {
  return event.dataTransfer !== null && [...event.dataTransfer.types].includes('Files');
}

/** Reads a dropped workspace file within the import's limit. */
export async function readDroppedWorkspace(file: File): Promise<Result<PickedFile>> {
  if (file.size > MAX_WORKSPACE_FILE_BYTES) {
    return fail(
      'too-large',
      `${file.name} is larger than ${MAX_WORKSPACE_FILE_BYTES / 1024 / 1024} MB and was not read.`,
    );
  }
  return ok({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}
