/**
 * The search benchmark's page (bench/searchIndex.mjs drives it). It seeds a company-sized workspace into the
 * app's IndexedDB through the app's own code, runs the app's search worker on it (cold build, warm load),
 * and measures Duet's engine, MiniSearch (the engine it replaced), FlexSearch and the baseline — a plain
 * lowercase substring scan over the same texts —
 * on the same records in this page, so every figure has a same-run comparison (the engines' part is in
 * bench/pages/searchEngines.ts).
 */
import * as Y from 'yjs';
import { notesDocName, playbookDocName } from '@shared/collab/docNames';
import { importDeals, readDeals } from '@shared/collab/notes';
import { dealSearchDoc, narrativeSearchDoc, playbookSearchDoc, type SearchDoc } from '@shared/search/searchDocs';
import { readPlaybookDoc } from '../../renderer/editor/headless';
import { $readNarrativesWithBody } from '../../renderer/editor/narrativeOps';
import { openIndexedDbDocStore } from '../../renderer/platform/IndexedDbDocStore';
import { SearchClient, startSearchWorker } from '../../renderer/features/search/SearchClient';
import type { IndexStatus } from '../../renderer/features/search/searchProtocol';
import { Workspace } from '../../renderer/features/workspace/Workspace';
import { companyDeals } from './companyDeals';
import { SEARCH_PLAYBOOKS, searchNarrativeId, searchPlaybookSpec } from './searchCorpus';
import {
  build,
  drop,
  loadStoredForm,
  measureQueries,
  storedFormTimes,
  setEngineRecords,
  warmLoadEngines,
} from './searchEngines';

const WORKSPACE = { id: 'search-ws', name: 'Search bench workspace' };
const DEALS = 20_000;
const PLAYBOOKS = Array.from({ length: SEARCH_PLAYBOOKS }, (_, p) => ({ id: `sp${p}`, title: `Search playbook ${p}` }));

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`[bench] could not delete ${name}`));
    req.onblocked = () => reject(new Error(`[bench] ${name} is held open by another page`));
  });
}

/** Writes the workspace: 50 playbooks through Workspace.createPlaybook, 20,000 deals in the first's notes. */
async function seed(): Promise<{ ms: number; narratives: number; deals: number }> {
  const started = performance.now();
  const store = await openIndexedDbDocStore();
  const opened = await Workspace.open(store, WORKSPACE);
  if (!opened.ok) throw new Error(`[bench] ${opened.error.message}`);
  for (let p = 0; p < SEARCH_PLAYBOOKS; p++)
    await opened.value.createPlaybook({
      ...PLAYBOOKS[p]!,
      template: 'blank',
      owner: 'Bench',
      spec: searchPlaybookSpec(p),
    });
  const notes = new Y.Doc();
  const ids = Array.from({ length: 40 }, (_, n) => searchNarrativeId(0, n));
  const imported = importDeals(notes, companyDeals(DEALS, ids), { author: 'Bench', now: Date.now() });
  if (!imported.ok) throw new Error(`[bench] ${imported.error.message}`);
  await store.append(notesDocName(WORKSPACE.id, 'sp0'), Y.encodeStateAsUpdate(notes));
  await opened.value.close();
  return { ms: Math.round(performance.now() - started), narratives: SEARCH_PLAYBOOKS * 40, deals: DEALS };
}

let docs: SearchDoc[] = [];
let haystacks: string[] = [];

/**
 * Reads every document as the index does (headless reader, deal log) into records — what a substring scan
 * needs before it can answer, so it is the baseline of the cold build. Keeps the records for the engines.
 */
async function readTexts(): Promise<{ ms: number; records: number; words: number }> {
  const started = performance.now();
  const store = await openIndexedDbDocStore();
  docs = PLAYBOOKS.map(playbookSearchDoc);
  for (const { id } of PLAYBOOKS) {
    const loaded = await store.load(playbookDocName(WORKSPACE.id, id), { validate: false });
    if (!loaded.ok || !loaded.value.update) throw new Error(`[bench] ${id} missing`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.value.update);
    for (const n of readPlaybookDoc(doc, $readNarrativesWithBody)) docs.push(narrativeSearchDoc(id, n));
  }
  const notes = await store.load(notesDocName(WORKSPACE.id, 'sp0'), { validate: false });
  if (!notes.ok || !notes.value.update) throw new Error('[bench] notes missing');
  const notesDoc = new Y.Doc();
  Y.applyUpdate(notesDoc, notes.value.update);
  for (const deal of readDeals(notesDoc)) docs.push(dealSearchDoc('sp0', deal));
  haystacks = docs.map((d) => [d.title, d.keyMessage, d.body, d.extra, d.persona, d.stage].join('\n').toLowerCase());
  setEngineRecords(docs, haystacks);
  const words = docs.reduce((sum, d) => sum + d.body.split(' ').length + d.title.split(' ').length, 0);
  return { ms: Math.round(performance.now() - started), records: docs.length, words };
}

/** Waits for a status of the worker that `accept` takes. */
function statusOf(client: SearchClient, accept: (s: IndexStatus) => boolean): Promise<IndexStatus> {
  return new Promise((resolve) => {
    if (accept(client.status)) return resolve(client.status);
    const stop = client.onStatus((s) => {
      if (!accept(s)) return;
      stop();
      resolve(s);
    });
  });
}

/** The app's worker builds the index from IndexedDB with no stored index. */
async function coldBuild(): Promise<{ ms: number; records: number }> {
  await deleteDatabase('duet-search');
  const started = performance.now();
  const client = new SearchClient(startSearchWorker(), WORKSPACE.id, PLAYBOOKS);
  const ready = await statusOf(client, (s) => s.state === 'ready' && s.source === 'built');
  const ms = performance.now() - started;
  client.dispose();
  return { ms: Math.round(ms), records: ready.state === 'ready' ? ready.records : 0 };
}

/** The app's worker starts again and loads the stored index; then queries go through the worker. */
async function warmLoad(
  queries: string[],
): Promise<{ ms: number; inWorkerMs: number; records: number; roundTrips: number[] }> {
  const started = performance.now();
  const client = new SearchClient(startSearchWorker(), WORKSPACE.id, PLAYBOOKS);
  const ready = await statusOf(client, (s) => s.state === 'ready');
  const ms = performance.now() - started;
  if (ready.state !== 'ready' || ready.source !== 'stored') throw new Error('[bench] the index was not loaded');
  await statusOf(client, (s) => s.state === 'ready' && s.checked);
  const roundTrips: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await client.query(q);
    roundTrips.push(performance.now() - t);
  }
  client.dispose();
  return { ms: Math.round(ms), inWorkerMs: Math.round(ready.ms), records: ready.records, roundTrips };
}

/** What starting any worker costs here: an empty one (a blob script) answering its first message. */
async function emptyWorkerStart(): Promise<{ ms: number }> {
  const url = URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data)'], { type: 'text/javascript' }));
  const started = performance.now();
  const worker = new Worker(url);
  await new Promise((resolve) => {
    worker.onmessage = resolve;
    worker.postMessage('ping');
  });
  const ms = performance.now() - started;
  worker.terminate();
  URL.revokeObjectURL(url);
  return { ms: Math.round(ms * 10) / 10 };
}

/** Baseline of the warm load: the same texts, stored as one IndexedDB record, read back. */
async function warmBaseline(): Promise<{ ms: number }> {
  const open = indexedDB.open('duet-search-bench', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('texts');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const put = db.transaction('texts', 'readwrite');
  put.objectStore('texts').put(haystacks, 'all');
  await new Promise((resolve) => (put.oncomplete = resolve));
  db.close();
  const started = performance.now();
  const again = indexedDB.open('duet-search-bench', 1);
  const db2 = await new Promise<IDBDatabase>((resolve) => (again.onsuccess = () => resolve(again.result)));
  const req = db2.transaction('texts').objectStore('texts').get('all');
  const texts = await new Promise<string[]>((resolve) => (req.onsuccess = () => resolve(req.result as string[])));
  const ms = performance.now() - started;
  db2.close();
  if (texts.length !== haystacks.length) throw new Error('[bench] texts did not round-trip');
  return { ms: Math.round(ms * 10) / 10 };
}

/** Makes the app open playbook `sp1` of the search workspace on its next start. */
function openOnStart(): void {
  localStorage.setItem(
    'duet.settings',
    JSON.stringify({
      displayName: 'Bench',
      role: 'storyteller',
      workspaces: [WORKSPACE],
      activeWorkspaceId: WORKSPACE.id,
      recentPlaybooks: [{ workspaceId: WORKSPACE.id, playbookId: 'sp1' }],
      windowBounds: null,
    }),
  );
}

/** True once the app's worker has stored an index for the search workspace. */
async function indexStored(): Promise<boolean> {
  const open = indexedDB.open('duet-search', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('indexes', { keyPath: 'workspaceId' });
  const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
  const req = db.transaction('indexes').objectStore('indexes').count(WORKSPACE.id);
  const count = await new Promise<number>((resolve) => (req.onsuccess = () => resolve(req.result)));
  db.close();
  return count > 0;
}

declare global {
  interface Window {
    duetSearchBench: Record<string, (...args: never[]) => unknown>;
  }
}

window.duetSearchBench = {
  seed,
  readTexts,
  coldBuild,
  warmLoad,
  warmBaseline,
  emptyWorkerStart,
  build,
  drop,
  measureQueries,
  storedFormTimes,
  warmLoadEngines,
  openOnStart,
  indexStored,
  loadStoredForm,
  lastTitle: (id: string) => docs.filter((d) => d.playbookId === id && d.kind === 'narrative').at(-1)!.title,
  resetIndex: () => deleteDatabase('duet-search'),
};
