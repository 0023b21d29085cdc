/**
 * The first read of a workspace (Workspace.open): its directory's stored entries applied to a new document —
 * checked as they are applied (applyStoredEntries), so decoded once, not once to check and once more to open
 * — and, for a workspace that syncs, the network code (y-websocket, Duet's protocol) loaded beside the read.
 */
import * as Y from 'yjs';
import { directoryDocName } from '@shared/collab/docNames';
import { fail, ok, type Result } from '@shared/result';
import { LOCAL_LOAD_ORIGIN } from '../../collab/LocalPersistence';
import type { SyncLink } from '../../collab/SyncLink';
import type { DocStore } from '../../platform/DocStore';
import { retryingImport } from '../../platform/retryingImport';
import { applyStoredEntries } from '../../platform/storedEntries';

/** The sync code, fetched only for a workspace that syncs; a second attempt after a failed fetch asks afresh. */
const loadSyncLink = retryingImport(() => import('../../collab/SyncLink'));

/** A workspace's directory as read: the document, how many stored entries it holds, and the sync code. */
export interface ReadDirectory {
  doc: Y.Doc;
  entries: number;
  /** The sync link's class, for a workspace that syncs; null otherwise. */
  Link: typeof SyncLink | null;
}

/**
 * Reads the directory of workspace `workspaceId` (with the sync code when `syncs`). Fails with `corrupt` when
 * its entries cannot be read, and with `io` when the sync code cannot be loaded; writes nothing.
 */
export async function readDirectory(
  store: DocStore,
  workspaceId: string,
  syncs: boolean,
): Promise<Result<ReadDirectory>> {
  const docName = directoryDocName(workspaceId);
  const [loaded, links] = await Promise.all([
    store.load(docName, { validate: false, merge: false }),
    syncs ? loadSyncLink().catch((error: unknown) => ({ failed: error })) : null,
  ]);
  if (!loaded.ok) return loaded;
  if (links !== null && 'failed' in links) {
    console.error('[workspace] the sync code could not be loaded', links.failed);
    return fail(
      'io',
      'Duet could not load the part that connects to your team’s server (if Duet was just updated, restarting ' +
        'it helps; in a browser, check the connection). Nothing you wrote is affected.',
    );
  }
  const doc = new Y.Doc();
  const read = applyStoredEntries(docName, doc, loaded.value.parts ?? [], LOCAL_LOAD_ORIGIN);
  if (!read.ok) {
    doc.destroy();
    return read;
  }
  return ok({ doc, entries: loaded.value.entries, Link: links?.SyncLink ?? null });
}
