/**
 * Puts the benchmark playbooks into the app's own IndexedDB through the app's own code path —
 * Workspace.createPlaybook, i.e. a headless Lexical editor bound to Yjs, then an append to `duet-docs` — so the
 * stored bytes are exactly what a user's playbook of that size would be. It also writes the browser client's
 * settings so that loading `/` opens the chosen playbook straight away, as a returning user's app does.
 */
import { playbookDocName } from '@shared/collab/docNames';
import { openIndexedDbDocStore } from '../../renderer/platform/IndexedDbDocStore';
import { Workspace } from '../../renderer/features/workspace/Workspace';
import { generatedPlaybook, narrativeTitle } from './playbookSpecs';

const WORKSPACE = { id: 'bench-ws', name: 'Bench workspace' };
/** Must match the key browserMainApi reads settings from. */
const SETTINGS_KEY = 'duet.settings';

/** What bench/run.mjs asks for: one playbook per benchmark. */
interface PlaybookRequest {
  id: string;
  narratives: number;
  paragraphs: number;
}

/** What the benchmarks need to know about a seeded playbook. */
interface SeededPlaybook extends PlaybookRequest {
  docName: string;
  lastTitle: string;
  bytes: number;
  seedMs: number;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('[bench] could not delete the database'));
    // A blocked delete means an app tab is still open: the seed would race it, so fail loudly instead.
    req.onblocked = () => reject(new Error('[bench] duet-docs is held open by another page'));
  });
}

/** Starts from an empty store and creates the requested playbooks in one workspace. */
async function seed(requests: PlaybookRequest[]): Promise<SeededPlaybook[]> {
  await deleteDatabase('duet-docs');
  localStorage.clear();
  const store = await openIndexedDbDocStore();
  const opened = await Workspace.open(store, WORKSPACE);
  if (!opened.ok) throw new Error(`[bench] ${opened.error.message}`);
  const workspace = opened.value;
  const seeded: SeededPlaybook[] = [];
  for (const request of requests) {
    const started = performance.now();
    const spec = generatedPlaybook(request.narratives, request.paragraphs);
    await workspace.createPlaybook({
      id: request.id,
      title: `Bench ${request.id}`,
      template: 'blank',
      owner: 'Bench',
      spec,
    });
    const docName = playbookDocName(WORKSPACE.id, request.id);
    const loaded = await store.load(docName);
    if (!loaded.ok || loaded.value.update === null) throw new Error(`[bench] ${docName} was not stored`);
    seeded.push({
      ...request,
      docName,
      lastTitle: narrativeTitle(request.narratives),
      bytes: loaded.value.update.byteLength,
      seedMs: Math.round(performance.now() - started),
    });
  }
  await workspace.close(); // flushes the directory, so the app lists the playbooks
  return seeded;
}

/** Makes the app open `playbookId` on its next start (the last-opened playbook is reopened). */
function openOnStart(playbookId: string): void {
  const settings = {
    displayName: 'Bench',
    role: 'storyteller',
    workspaces: [WORKSPACE],
    activeWorkspaceId: WORKSPACE.id,
    recentPlaybooks: [{ workspaceId: WORKSPACE.id, playbookId }],
    windowBounds: null,
  };
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

declare global {
  interface Window {
    /** The seed page's API, called by bench/run.mjs with page.evaluate. */
    duetBench: { seed: typeof seed; openOnStart: typeof openOnStart };
  }
}

window.duetBench = { seed, openOnStart };
