/** Workspace files (.duet) on disk, as an export writes them, for the tests that hand one to Duet. */
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { encodeWorkspaceFile } from '../../../shared/format/workspaceFile';

/** Writes a .duet file holding an empty workspace `name` (id `id`) to `path`. */
export function writeEmptyWorkspaceFile(path: string, workspace: { id: string; name: string }): void {
  const directory = new Y.Doc();
  directory.getMap('playbooks');
  writeFileSync(
    path,
    encodeWorkspaceFile({
      workspace,
      exportedAt: Date.UTC(2026, 11, 1),
      docs: new Map([[`${workspace.id}/directory`, Y.encodeStateAsUpdate(directory)]]),
    }),
  );
}
