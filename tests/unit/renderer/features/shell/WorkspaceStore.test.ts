import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceStore, type ResolveSync } from '../../../../../renderer/features/shell/WorkspaceStore';
import { Workspace } from '../../../../../renderer/features/workspace/Workspace';
import { freshStore, REF } from '../workspace/workspaceTestKit';

const LOCAL: ResolveSync = async () => ({ sync: null, problem: null });

function openWorkspaceOf(store: WorkspaceStore): Workspace {
  const state = store.get();
  if (state.status !== 'open') throw new Error(`expected an open workspace, got ${state.status}`);
  return state.workspace;
}

afterEach(() => vi.restoreAllMocks());

describe('reopening a workspace', () => {
  it('reopening the same workspace twice at once shows a rename made just before, and leaves one open', async () => {
    const docs = await freshStore();
    const workspaces = new WorkspaceStore(docs, LOCAL);
    await workspaces.load(REF);
    const first = openWorkspaceOf(workspaces);
    const meta = await first.createPlaybook({ title: 'Launch', template: 'messaging-house', owner: 'ana' });
    const opens = vi.spyOn(Workspace, 'open');
    const closes = vi.spyOn(Workspace.prototype, 'close');

    first.renamePlaybook(meta.id, 'Launch 2027'); // still waiting in the directory's write batch
    await Promise.all([workspaces.reload(), workspaces.reload()]);

    const shown = openWorkspaceOf(workspaces);
    expect(shown).not.toBe(first);
    expect(shown.getPlaybook(meta.id)?.title).toBe('Launch 2027');
    // The first workspace was closed (its last write stored) before anything was read again; the first
    // reload, replaced before it read anything, opened nothing.
    expect(closes.mock.contexts).toEqual([first]);
    expect(opens).toHaveBeenCalledTimes(1);
    await shown.close();
  });

  it('a load replaced while it was opening closes what it opened instead of showing it', async () => {
    const docs = await freshStore();
    let releaseFirst = (): void => {};
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const workspaces = new WorkspaceStore(docs, async () => {
      if (calls++ === 0) await held;
      return { sync: null, problem: null };
    });
    const closes = vi.spyOn(Workspace.prototype, 'close');
    const opens = vi.spyOn(Workspace, 'open');

    const replaced = workspaces.load(REF);
    await vi.waitFor(() => expect(calls).toBe(1));
    const other = { id: 'beta', name: 'Beta' };
    const latest = workspaces.load(other);
    expect(workspaces.get()).toEqual({ status: 'loading', ref: other });
    releaseFirst();
    await Promise.all([replaced, latest]);

    expect(opens).toHaveBeenCalledTimes(2);
    const firstOpened = (await opens.mock.results[0]!.value) as { ok: true; value: Workspace };
    expect(closes.mock.contexts).toEqual([firstOpened.value]);
    expect(openWorkspaceOf(workspaces).id).toBe('beta');
    await openWorkspaceOf(workspaces).close();
  });

  it('an unreadable directory is shown as such, and repairing it lists the playbooks found on the device again', async () => {
    const docs = await freshStore();
    const workspaces = new WorkspaceStore(docs, LOCAL);
    await workspaces.load(REF);
    const meta = await openWorkspaceOf(workspaces).createPlaybook({
      title: 'Kept',
      template: 'messaging-house',
      owner: 'ana',
    });
    await openWorkspaceOf(workspaces).flushAll();
    await docs.append(`${REF.id}/directory`, new Uint8Array([1, 2, 3, 250]));
    await workspaces.reload();
    expect(workspaces.get().status).toBe('unreadable');

    await workspaces.repairDirectory();
    // Relisted under the title its document gives (its first narrative's), since the list itself was lost.
    expect(openWorkspaceOf(workspaces).getPlaybook(meta.id)).not.toBeNull();
    await openWorkspaceOf(workspaces).close();
  });
});
