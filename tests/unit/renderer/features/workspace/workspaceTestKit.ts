/** Shared set-up for the Workspace tests: a fresh IndexedDB per test and a way to read stored playbooks. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { playbookDocName } from '../../../../../shared/collab/docNames';
import type { NarrativeSummary } from '../../../../../shared/domain/narrative';
import { readPlaybookDoc } from '../../../../../renderer/editor/headless';
import { $readNarratives } from '../../../../../renderer/editor/narrativeOps';
import type { DocStore } from '../../../../../renderer/platform/DocStore';
import { openIndexedDbDocStore } from '../../../../../renderer/platform/IndexedDbDocStore';
import { Workspace } from '../../../../../renderer/features/workspace/Workspace';

export const REF = { id: 'acme', name: 'Acme' };

/** A store on its own in-memory database. */
export function freshStore(): Promise<DocStore> {
  return openIndexedDbDocStore('duet-docs', new IDBFactory());
}

/** Opens `REF` on `store`, failing the test if it cannot be read. */
export async function openWorkspace(store: DocStore): Promise<Workspace> {
  const opened = await Workspace.open(store, REF);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** The narratives of a playbook exactly as stored (what the next person to open it would see). */
export async function storedNarratives(store: DocStore, playbookId: string): Promise<NarrativeSummary[]> {
  const loaded = await store.load(playbookDocName(REF.id, playbookId));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = new Y.Doc();
  if (loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
  return readPlaybookDoc(doc, $readNarratives);
}

/** Wraps a store so every call that writes is recorded, in order. */
export function recordingStore(inner: DocStore): DocStore & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    load: (name) => inner.load(name),
    listDocs: (prefix) => inner.listDocs(prefix),
    listQuarantine: () => inner.listQuarantine(),
    append: async (name, update) => {
      writes.push(`append ${name}`);
      await inner.append(name, update);
    },
    compact: async (name) => {
      writes.push(`compact ${name}`);
      await inner.compact(name);
    },
    setAside: async (name, reason) => {
      writes.push(`setAside ${name}`);
      await inner.setAside(name, reason);
    },
  };
}
