import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { directoryDocName, notesDocName, playbookDocName } from '../../../../../shared/collab/docNames';
import { importDeals, readDeals } from '../../../../../shared/collab/notes';
import { companyDeals } from '../../../../../bench/pages/companyDeals';
import { PLAYBOOK_TEMPLATES } from '../../../../../shared/domain/playbook';
import { Workspace } from '../../../../../renderer/features/workspace/Workspace';
import { templateSpec } from '../../../../../renderer/features/workspace/templates';
import { freshStore, openWorkspace, recordingStore, REF, storedNarratives } from './workspaceTestKit';

describe('creating playbooks', () => {
  it.each(PLAYBOOK_TEMPLATES)(
    'a playbook from the "%s" template holds that template’s narratives',
    async (template) => {
      const store = await freshStore();
      const workspace = await openWorkspace(store);
      const meta = await workspace.createPlaybook({ title: 'Q3 launch', template, owner: 'ana' });
      expect(meta).toMatchObject({ title: 'Q3 launch', template, owner: 'ana' });
      expect(workspace.getPlaybook(meta.id)).toEqual(meta);
      const narratives = await storedNarratives(store, meta.id);
      const spec = templateSpec(template);
      expect(narratives.map((n) => [n.title, n.keyMessage])).toEqual(
        spec.narratives.map((n) => [n.title, n.keyMessage]),
      );
      expect(narratives.map((n) => n.stage)).toEqual(spec.narratives.map((n) => n.fields?.stage ?? ''));
      await workspace.close();
    },
  );

  it('the playbook’s content is stored before the directory lists it, so no one sees an empty playbook', async () => {
    const store = recordingStore(await freshStore());
    const workspace = await openWorkspace(store);
    const observed: { listed: string[]; writesSoFar: string[] }[] = [];
    const dispose = workspace.observePlaybooks((list) =>
      observed.push({ listed: list.map((p) => p.id), writesSoFar: [...store.writes] }),
    );
    const meta = await workspace.createPlaybook({ title: 'Ordered', template: 'messaging-house', owner: 'ana' });
    dispose();
    const firstListing = observed.find((o) => o.listed.includes(meta.id));
    expect(firstListing?.writesSoFar).toContain(`append ${playbookDocName(REF.id, meta.id)}`);
    await workspace.close();
    expect(store.writes).toContain(`append ${directoryDocName(REF.id)}`);
  });

  it('a new playbook and its directory entry survive closing and reopening the workspace', async () => {
    const store = await freshStore();
    const first = await openWorkspace(store);
    const meta = await first.createPlaybook({ title: 'Persistent', template: 'persona-pitch', owner: 'bo' });
    await first.close();
    const again = await openWorkspace(store);
    expect(again.getPlaybook(meta.id)).toEqual(meta);
    expect((await storedNarratives(store, meta.id)).map((n) => n.title)).toEqual(
      templateSpec('persona-pitch').narratives.map((n) => n.title),
    );
    await again.close();
  });
});

describe('duplicating, deleting and restoring', () => {
  it('a duplicate has a new id, a "(copy)" title and the same content', async () => {
    const store = await freshStore();
    const workspace = await openWorkspace(store);
    const original = await workspace.createPlaybook({ title: 'Original', template: 'messaging-house', owner: 'ana' });
    const copy = await workspace.duplicatePlaybook(original.id, 'bo');
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    expect(copy.value.id).not.toBe(original.id);
    expect(copy.value).toMatchObject({ title: 'Original (copy)', template: 'messaging-house', owner: 'bo' });
    expect(await storedNarratives(store, copy.value.id)).toEqual(await storedNarratives(store, original.id));
    expect(await workspace.duplicatePlaybook('gone', 'bo')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await workspace.close();
  });

  it('a deleted playbook leaves the list but keeps its content, and restoring brings both back', async () => {
    const store = await freshStore();
    const workspace = await openWorkspace(store);
    const meta = await workspace.createPlaybook({ title: 'Temporary', template: 'persona-pitch', owner: 'ana' });
    const content = await storedNarratives(store, meta.id);
    const removed = workspace.deletePlaybook(meta.id);
    expect(removed).toEqual(meta);
    expect(workspace.getPlaybook(meta.id)).toBeNull();
    expect(workspace.deletePlaybook(meta.id)).toBeNull();
    expect(await storedNarratives(store, meta.id)).toEqual(content);
    workspace.restorePlaybook(removed!);
    expect(workspace.getPlaybook(meta.id)).toEqual(meta);
    await workspace.close();
    const reopened = await openWorkspace(store);
    expect(reopened.getPlaybook(meta.id)).toEqual(meta);
    await reopened.close();
  });
});

describe('a workspace whose directory cannot be read', () => {
  it('does not open, says it is corrupt, and writes nothing', async () => {
    const store = recordingStore(await freshStore());
    await store.append(directoryDocName(REF.id), new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    store.writes.length = 0;
    const opened = await Workspace.open(store, REF);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe('corrupt');
      expect(opened.error.message).toMatch(/damaged|incomplete/);
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(store.writes).toEqual([]);
    expect(await store.listQuarantine()).toEqual([]);
    expect((await store.load(directoryDocName(REF.id))).ok).toBe(false);
  });
});

describe('opening a playbook’s deal log', () => {
  it('shows every stored deal, also from several saved records, decoding them once', async () => {
    const store = await freshStore();
    const first = new Y.Doc();
    const inputs = companyDeals(30, ['n-1', 'n-2']);
    importDeals(first, inputs.slice(0, 20), { author: 'Ana', now: 1 });
    await store.append(notesDocName(REF.id, 'p1'), Y.encodeStateAsUpdate(first));
    const before = Y.encodeStateVector(first);
    importDeals(first, inputs.slice(20), { author: 'Ana', now: 2 });
    await store.append(notesDocName(REF.id, 'p1'), Y.encodeStateAsUpdate(first, before));
    const workspace = await openWorkspace(store);
    const opened = await workspace.openNotes('p1');
    expect(opened.ok && readDeals(opened.value.doc).length).toBe(30);
    await workspace.closeNotes('p1');
    await workspace.close();
  });

  it('opens a large log once for two views asking at the same time, every deal there', async () => {
    const store = await freshStore();
    const doc = new Y.Doc();
    importDeals(doc, companyDeals(2_000, ['n-1', 'n-2']), { author: 'Ana', now: 1 });
    await store.append(notesDocName(REF.id, 'p1'), Y.encodeStateAsUpdate(doc));
    const workspace = await openWorkspace(store);
    const [a, b] = await Promise.all([workspace.openNotes('p1'), workspace.openNotes('p1')]);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    if (!a.ok) return;
    expect(readDeals(a.value.doc)).toEqual(readDeals(doc));
    // Both views hold it: closing one leaves it open for the other.
    await workspace.closeNotes('p1');
    expect(a.value.doc.isDestroyed).toBe(false);
    await workspace.closeNotes('p1');
    expect(a.value.doc.isDestroyed).toBe(true);
    await workspace.close();
  });

  it('a view closed while the log still loads does not keep it open, and watchers hear of logs opened later', async () => {
    const store = await freshStore();
    const doc = new Y.Doc();
    importDeals(doc, companyDeals(2_000, ['n-1']), { author: 'Ana', now: 1 });
    await store.append(notesDocName(REF.id, 'p1'), Y.encodeStateAsUpdate(doc));
    const workspace = await openWorkspace(store);
    const watched: string[] = [];
    const stopWatching = workspace.watchOpenDocs((name) => {
      watched.push(name);
      return () => {};
    });
    // The review opens the log and the person leaves before its 2,000 deals are read.
    const leaving = workspace.openNotes('p1');
    await workspace.closeNotes('p1');
    const left = await leaving;
    expect(left.ok).toBe(true);
    if (!left.ok) return;
    await vi.waitFor(() => expect(left.value.doc.isDestroyed).toBe(true));
    expect(watched).toEqual([]); // closed before it opened: nobody indexes a closed document
    // Opened again and kept: it is read afresh, every deal there, and the watcher hears of it once.
    const again = await workspace.openNotes('p1');
    expect(again.ok && again.value !== left.value && readDeals(again.value.doc).length).toBe(2_000);
    expect(watched).toEqual([notesDocName(REF.id, 'p1')]);
    stopWatching();
    await workspace.closeNotes('p1');
    await workspace.close();
  });

  it.each([
    ['damaged', (bytes: Uint8Array) => bytes.slice(0, bytes.length >> 1), /damaged/],
    ['missing a saved change', (bytes: Uint8Array) => bytes, /incomplete/],
  ])('does not open when its saved data is %s, says so, and writes nothing', async (_, spoil, message) => {
    const store = recordingStore(await freshStore());
    const doc = new Y.Doc();
    importDeals(doc, companyDeals(5, ['n-1']), { author: 'Ana', now: 1 });
    const vector = Y.encodeStateVector(doc);
    importDeals(doc, companyDeals(5, ['n-1'], 9), { author: 'Ana', now: 2 });
    // "missing": only the second record was saved, so it refers to changes that are not there.
    await store.append(notesDocName(REF.id, 'p1'), spoil(Y.encodeStateAsUpdate(doc, vector)));
    const workspace = await openWorkspace(store);
    const writes = store.writes.length;
    const opened = await workspace.openNotes('p1');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(message) });
    expect(store.writes.slice(writes)).toEqual([]);
    await workspace.close();
  });
});

describe('closing and reopening a playbook', () => {
  it('a playbook reopened while its close is still storing the last edit opens with that edit', async () => {
    const store = await freshStore();
    const workspace = await openWorkspace(store);
    const meta = await workspace.createPlaybook({ title: 'Quick', template: 'messaging-house', owner: 'ana' });
    const first = await workspace.openPlaybook(meta.id);
    if (!first.ok) throw new Error(first.error.message);
    first.value.provider.connect();
    first.value.doc.getMap('probe').set('last edit', 'kept');

    const closing = workspace.closePlaybook(meta.id); // as the view's cleanup does: nobody awaits it
    const again = await workspace.openPlaybook(meta.id);
    if (!again.ok) throw new Error(again.error.message);
    again.value.provider.connect();
    expect(again.value.doc.getMap('probe').get('last edit')).toBe('kept');
    await closing;
    await workspace.close();
  });
});
