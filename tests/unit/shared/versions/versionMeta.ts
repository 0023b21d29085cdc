/** Version records for the tests of attribution and of the review per version. */
import type { VersionMeta } from '../../../../shared/collab/versions';

/** Noon (UTC) of a yyyy-mm-dd day, in epoch ms. */
export const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);

/** A manual version by Dana, taken at `createdAt`, in which the narratives `changed` changed. */
export function version(id: string, createdAt: number, changed: string[]): VersionMeta {
  return { id, name: id, note: '', author: 'Dana', createdAt, kind: 'manual', changed, removed: [], narrativeCount: 2 };
}
