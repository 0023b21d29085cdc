import { describe, expect, it } from 'vitest';
import { $setNarrativeFields } from '../../../../../renderer/editor/narrativeOps';
import { withHeadlessPlaybook } from '../../../../../renderer/editor/headless';
import type { Workspace } from '../../../../../renderer/features/workspace/Workspace';
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  type WorkspaceSnapshot,
} from '../../../../../shared/format/workspaceFile';
import type { DocStore } from '../../../../../renderer/platform/DocStore';
import { freshStore, openWorkspace, REF, storedNarratives } from './workspaceTestKit';

/** A workspace with three playbooks, one renamed and one deleted, as a user would leave it. */
async function populated(store: DocStore): Promise<Workspace> {
  const workspace = await openWorkspace(store);
  const house = await workspace.createPlaybook({ title: 'House', template: 'messaging-house', owner: 'ana' });
  await workspace.createPlaybook({ title: 'CFO pitch', template: 'persona-pitch', owner: 'bo' });
  const scratch = await workspace.createPlaybook({ title: 'Scratch', template: 'blank', owner: 'ana' });
  workspace.renamePlaybook(house.id, 'Messaging house 2025');
  workspace.deletePlaybook(scratch.id);
  return workspace;
}

/** Everything a person would see: the listed playbooks and each one's narratives. */
async function visible(workspace: Workspace, store: DocStore): Promise<unknown> {
  const listed: { title: string; template: string; owner: string; id: string }[] = [];
  workspace.observePlaybooks((list) => listed.splice(0, listed.length, ...list))();
  listed.sort((a, b) => a.id.localeCompare(b.id));
  return Promise.all(listed.map(async (p) => ({ ...p, narratives: await storedNarratives(store, p.id) })));
}

/** Exports through the real file format, as the export/import commands do. */
async function exportFile(workspace: Workspace): Promise<WorkspaceSnapshot> {
  const snapshot = await workspace.snapshot();
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  const decoded = decodeWorkspaceFile(encodeWorkspaceFile(snapshot.value));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

describe('exporting a workspace and importing it elsewhere', () => {
  it('reproduces the same playbook list and the same content on a fresh device', async () => {
    const sourceStore = await freshStore();
    const source = await populated(sourceStore);
    const file = await exportFile(source);
    expect(file.workspace).toEqual(REF);

    const targetStore = await freshStore();
    const target = await openWorkspace(targetStore);
    await target.mergeSnapshot(file);
    const expected = await visible(source, sourceStore);
    expect(await visible(target, targetStore)).toEqual(expected);
    expect((expected as unknown[]).length).toBe(2);

    await target.close();
    const reopened = await openWorkspace(targetStore);
    expect(await visible(reopened, targetStore)).toEqual(expected);
    await Promise.all([source.close(), reopened.close()]);
  });

  it('importing the same file twice, or into its own workspace, duplicates nothing', async () => {
    const sourceStore = await freshStore();
    const source = await populated(sourceStore);
    const file = await exportFile(source);
    const targetStore = await freshStore();
    const target = await openWorkspace(targetStore);
    await target.mergeSnapshot(file);
    const once = await visible(target, targetStore);
    await target.mergeSnapshot(file);
    await target.mergeSnapshot(await exportFile(target));
    expect(await visible(target, targetStore)).toEqual(once);

    const before = await visible(source, sourceStore);
    await source.mergeSnapshot(file);
    expect(await visible(source, sourceStore)).toEqual(before);
    await Promise.all([source.close(), target.close()]);
  });

  it('an import keeps edits made on this device since the export', async () => {
    const store = await freshStore();
    const workspace = await populated(store);
    const file = await exportFile(workspace);
    const added = await workspace.createPlaybook({ title: 'Made after export', template: 'blank', owner: 'cy' });
    await workspace.mergeSnapshot(file);
    expect(workspace.getPlaybook(added.id)?.title).toBe('Made after export');
    await workspace.close();
  });

  it('the export includes edits still waiting to be saved in an open playbook', async () => {
    const store = await freshStore();
    const workspace = await openWorkspace(store);
    const meta = await workspace.createPlaybook({ title: 'Open', template: 'persona-pitch', owner: 'ana' });
    const session = await workspace.openPlaybook(meta.id);
    if (!session.ok) throw new Error(session.error.message);
    session.value.provider.connect();
    const [first] = await storedNarratives(store, meta.id);
    withHeadlessPlaybook(session.value.doc, (editor) =>
      editor.update(() => void $setNarrativeFields(first!.id, { owner: 'Edited just now' }), { discrete: true }),
    );
    const file = await exportFile(workspace);
    const targetStore = await freshStore();
    const target = await openWorkspace(targetStore);
    await target.mergeSnapshot(file);
    expect((await storedNarratives(targetStore, meta.id))[0]?.owner).toBe('Edited just now');
    await Promise.all([workspace.close(), target.close()]);
  });
});
