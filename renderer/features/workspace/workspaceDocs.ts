/**
 * What a workspace does with its stored documents as a whole, without opening sessions: write a new
 * playbook, list again the playbooks the directory lost, read every document for an export. Functions of
 * the store and the directory, so `Workspace` keeps to the documents it holds open.
 */
import * as Y from 'yjs';
import { addPlaybook, readPlaybooks } from '@shared/collab/directory';
import { parseDocName, playbookDocName } from '@shared/collab/docNames';
import { newId } from '@shared/domain/ids';
import type { PlaybookMeta, PlaybookTemplate } from '@shared/domain/playbook';
import { fail, ok, type Result } from '@shared/result';
import type { PlaybookSpec } from '../../editor/docSpec';
import type { DocStore } from '../../platform/DocStore';

/** A playbook to create: from a template, or with explicit content (`spec`); `id` when it must be known. */
export interface NewPlaybook {
  title: string;
  template: PlaybookTemplate;
  owner: string;
  spec?: PlaybookSpec;
  id?: string;
}

/**
 * Creates a playbook from a template (or explicit content): its document is written first and listed in the
 * directory second, so the directory never points at a playbook with no content.
 */
export async function writeNewPlaybook(
  store: DocStore,
  directory: Y.Doc,
  workspaceId: string,
  input: NewPlaybook,
): Promise<PlaybookMeta> {
  const id = input.id ?? newId('p');
  // The headless editor (all of Lexical) and the templates load here, not with the first screen.
  const [{ createPlaybookDoc }, { templateSpec }] = await Promise.all([
    import('../../editor/headless'),
    import('./templates'),
  ]);
  const doc = createPlaybookDoc(input.spec ?? templateSpec(input.template));
  await store.append(playbookDocName(workspaceId, id), Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return addPlaybook(directory, { id, title: input.title, template: input.template, owner: input.owner });
}

/**
 * Lists again every playbook whose document is on this device but missing from the directory — after the
 * directory itself was unreadable and set aside. Titles come from each document (its first heading, else
 * its first narrative). Returns how many were listed.
 */
export async function relistPlaybooks(store: DocStore, directory: Y.Doc, workspaceId: string): Promise<number> {
  const listed = new Set(readPlaybooks(directory).map((p) => p.id));
  let recovered = 0;
  for (const name of await store.listDocs(`${workspaceId}/playbook/`)) {
    const parsed = parseDocName(name);
    if (parsed?.kind !== 'playbook' || parsed.workspaceId !== workspaceId || listed.has(parsed.id)) continue;
    const loaded = await store.load(name);
    let title = `Recovered playbook ${recovered + 1}`;
    if (!loaded.ok) title = `Unreadable playbook ${recovered + 1}`;
    else if (loaded.value.update) {
      const [{ readPlaybookDoc }, { $readDocumentTitle }] = await Promise.all([
        import('../../editor/headless'),
        import('../../editor/narrativeOps'),
      ]);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.value.update);
      title = readPlaybookDoc(doc, $readDocumentTitle) || title;
      doc.destroy();
    }
    addPlaybook(directory, { id: parsed.id, title, template: 'blank', owner: '' });
    recovered++;
  }
  return recovered;
}

/** Every stored document of the workspace, as stored now; fails naming the first one that cannot be read. */
export async function readStoredDocs(store: DocStore, workspaceId: string): Promise<Result<Map<string, Uint8Array>>> {
  const docs = new Map<string, Uint8Array>();
  for (const name of await store.listDocs(`${workspaceId}/`)) {
    if (parseDocName(name)?.workspaceId !== workspaceId) continue;
    const loaded = await store.load(name);
    if (!loaded.ok)
      return fail(
        'corrupt',
        `${name} cannot be read: ${loaded.error.message} Open it and set it aside before exporting.`,
      );
    if (loaded.value.update) docs.set(name, loaded.value.update);
  }
  return ok(docs);
}
