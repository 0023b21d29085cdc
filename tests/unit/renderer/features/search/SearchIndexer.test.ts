/**
 * The search worker's indexer, in Node with fake IndexedDB: it builds from the documents on the device,
 * re-indexes one narrative per edit, keeps deals current, and a restart loads the stored index instead of
 * rebuilding — unless that index is of an older format.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { $isElementNode, $isTextNode } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { notesDocName, playbookDocName } from '../../../../../shared/collab/docNames';
import { addDeal, updateDeal } from '../../../../../shared/collab/notes';
import type { DealInput } from '../../../../../shared/domain/deal';
import { SEARCH_FORMAT_VERSION, SearchEngine } from '../../../../../shared/search/SearchEngine';
import { createPlaybookDoc, withHeadlessPlaybook } from '../../../../../renderer/editor/headless';
import { $findNarrative } from '../../../../../renderer/editor/narrativeOps';
import { openIndexedDbDocStore } from '../../../../../renderer/platform/IndexedDbDocStore';
import { openIndexStore } from '../../../../../renderer/features/search/indexStore';
import {
  SearchIndexer,
  TYPING_QUIET_MS,
  type IndexerDeps,
} from '../../../../../renderer/features/search/SearchIndexer';
import type { FromWorker, IndexStatus } from '../../../../../renderer/features/search/searchProtocol';

const WS = 'acme';
const PLAYBOOKS = [{ id: 'p1', title: 'Fleet messaging' }];
const DEAL: DealInput = {
  account: 'Northwind',
  dealName: 'Fleet renewal',
  crmId: '',
  amount: 1000,
  currency: 'EUR',
  stage: 'decision',
  persona: 'CFO',
  outcome: 'won',
  competitor: '',
  closeDate: '2026-05-01',
  narratives: [],
  note: 'Loved the uptime guarantee',
  perspective: 'rep',
};

async function device() {
  const factory = new IDBFactory();
  const store = await openIndexedDbDocStore('duet-docs', factory);
  const indexStore = await openIndexStore(factory);
  const playbook = createPlaybookDoc({
    intro: [],
    narratives: [
      { id: 'n1', title: 'Downtime costs money', keyMessage: 'Idle trucks cost €1,200 a day.', body: [{ p: 'Body' }] },
      { id: 'n2', title: 'Driver safety', keyMessage: 'Fewer incidents.', body: [{ p: 'Coaching' }] },
    ],
  });
  await store.append(playbookDocName(WS, 'p1'), Y.encodeStateAsUpdate(playbook));
  const notes = new Y.Doc();
  const added = addDeal(notes, DEAL, { author: 'Ana', now: 1 }, 'd1');
  if (!added.ok) throw new Error(added.error.message);
  await store.append(notesDocName(WS, 'p1'), Y.encodeStateAsUpdate(notes));
  return { store, indexStore, playbook, notes };
}

type Device = Awaited<ReturnType<typeof device>>;
const indexers: SearchIndexer[] = [];
afterEach(() => {
  for (const indexer of indexers.splice(0)) indexer.dispose();
  vi.restoreAllMocks();
});

function indexerOn(dev: Device, extra: Partial<IndexerDeps> = {}) {
  const messages: FromWorker[] = [];
  const indexer = new SearchIndexer({
    store: dev.store,
    indexStore: dev.indexStore,
    emit: (m) => messages.push(m),
    yieldNow: () => Promise.resolve(),
    now: () => performance.now(),
    reindexDelayMs: 1,
    persistDelayMs: 60_000,
    ...extra,
  });
  indexers.push(indexer);
  const statuses = () => messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
  const indexed = (docName: string) =>
    vi.waitUntil(() => messages.some((m) => m.type === 'indexed' && m.docName === docName), { timeout: 5000 });
  const titles = (q: string) => indexer.query(q).groups.flatMap((g) => g.hits.map((h) => h.title));
  return { indexer, messages, statuses, indexed, titles };
}

/** Every update `doc` emits while `edit` runs. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const out: Uint8Array[] = [];
  const handle = (u: Uint8Array): void => void out.push(u);
  doc.on('update', handle);
  edit();
  doc.off('update', handle);
  return out;
}

function retitle(doc: Y.Doc, narrativeId: string, title: string): Uint8Array[] {
  return updatesOf(doc, () =>
    withHeadlessPlaybook(doc, (editor) =>
      editor.update(
        () => {
          const titleNode = $findNarrative(narrativeId)!.getFirstChild();
          const text = $isElementNode(titleNode) ? titleNode.getFirstChild() : null;
          if ($isTextNode(text)) text.setTextContent(title);
        },
        { discrete: true },
      ),
    ),
  );
}

describe('the index is built from the documents on this device', () => {
  it('finds narratives, deals and playbooks after a first build, reporting progress', async () => {
    const dev = await device();
    const { indexer, statuses, titles } = indexerOn(dev);
    await indexer.open(WS, PLAYBOOKS);
    expect(statuses().map((s) => s.state)).toEqual(['loading', 'building', 'building', 'building', 'ready']);
    expect(statuses().at(-1)).toMatchObject({ state: 'ready', source: 'built', records: 4 });
    expect(titles('dowtime')).toEqual(['Downtime costs money']);
    expect(titles('uptime guarantee')).toEqual(['Fleet renewal']);
    expect(titles('fleet messaging')).toContain('Fleet messaging');
  });
});

describe('a build while someone types in the editor', () => {
  it('reads no document until they pause, answers queries meanwhile, and completes after', async () => {
    const dev = await device();
    // A clock that moves only when the indexer sleeps; someone types until 3 s.
    let clock = 0;
    const typingUntil = 3000;
    const reads: number[] = [];
    const load = dev.store.load.bind(dev.store);
    dev.store.load = (name, options) => {
      reads.push(clock);
      return load(name, options);
    };
    const answeredWhileTyping: string[][] = [];
    const { indexer, statuses, titles } = indexerOn(dev, {
      now: () => clock,
      sleep: async (ms) => {
        if (clock < typingUntil) answeredWhileTyping.push(titles('fleet messaging'));
        clock += ms;
        if (clock < typingUntil) indexer.typing();
      },
    });
    indexer.typing();
    await indexer.open(WS, PLAYBOOKS);
    expect(reads.length).toBeGreaterThan(0);
    expect(Math.min(...reads)).toBeGreaterThanOrEqual(typingUntil);
    expect(answeredWhileTyping.length).toBeGreaterThan(0);
    expect(answeredWhileTyping.every((t) => t.includes('Fleet messaging'))).toBe(true);
    expect(statuses().at(-1)).toMatchObject({ state: 'ready', source: 'built', records: 4 });
    expect(titles('dowtime')).toEqual(['Downtime costs money']);
  });

  it('writes nothing to the device until the build is complete', async () => {
    const dev = await device();
    let clock = 0;
    const writtenAt: number[] = [];
    const write = dev.indexStore.write.bind(dev.indexStore);
    dev.indexStore.write = (record) => {
      writtenAt.push(clock);
      return write(record);
    };
    const { indexer, statuses } = indexerOn(dev, {
      now: () => clock,
      persistDelayMs: 1,
      sleep: async (ms) => {
        clock += ms;
        if (clock < 3000) indexer.typing();
        await new Promise((resolve) => setTimeout(resolve, 5)); // room for a scheduled write to happen
      },
    });
    indexer.typing();
    await indexer.open(WS, PLAYBOOKS);
    expect(statuses().at(-1)).toMatchObject({ state: 'ready', source: 'built', records: 4 });
    expect(writtenAt).toHaveLength(1);
    expect(writtenAt[0]).toBeGreaterThanOrEqual(3000);
  });

  it('indexes the edits of an open document once its author pauses', async () => {
    const dev = await device();
    let clock = 0;
    const { indexer, indexed, titles } = indexerOn(dev, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    await indexer.open(WS, PLAYBOOKS);
    const name = playbookDocName(WS, 'p1');
    indexer.typing();
    for (const u of retitle(dev.playbook, 'n2', 'Driver retention')) indexer.applyUpdate(name, u);
    await indexed(name);
    // The clock moves only while the indexer waits: it waited for the typing to pause.
    expect(clock).toBeGreaterThanOrEqual(TYPING_QUIET_MS);
    expect(titles('retention')).toEqual(['Driver retention']);
  });

  it('does not wait when nobody types', async () => {
    const dev = await device();
    const sleep = vi.fn(async () => {});
    const { indexer, statuses } = indexerOn(dev, { sleep });
    await indexer.open(WS, PLAYBOOKS);
    expect(statuses().at(-1)).toMatchObject({ state: 'ready', source: 'built', records: 4 });
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('edits are indexed incrementally', () => {
  it('a change to one narrative re-indexes that narrative only', async () => {
    const dev = await device();
    const { indexer, indexed, titles } = indexerOn(dev);
    await indexer.open(WS, PLAYBOOKS);
    const name = playbookDocName(WS, 'p1');
    // The first update of an open document loads its replica; then each edit is one re-read.
    for (const u of retitle(dev.playbook, 'n2', 'Driver safety first')) indexer.applyUpdate(name, u);
    await indexed(name);
    const upsert = vi.spyOn(SearchEngine.prototype, 'upsert');
    const before = upsert.mock.results.length;
    for (const u of retitle(dev.playbook, 'n2', 'Driver retention')) indexer.applyUpdate(name, u);
    await vi.waitUntil(() => titles('retention').length > 0, { timeout: 5000 });
    const changed = upsert.mock.results.slice(before).filter((r) => r.value === true);
    expect(changed).toHaveLength(1);
    expect(titles('retention')).toEqual(['Driver retention']);
    expect(titles('safety')).toEqual([]);
    expect(titles('downtime')).toEqual(['Downtime costs money']);
  });

  it('a deal changed elsewhere is found by its new words', async () => {
    const dev = await device();
    const { indexer, indexed, titles } = indexerOn(dev);
    await indexer.open(WS, PLAYBOOKS);
    const name = notesDocName(WS, 'p1');
    const updates = updatesOf(dev.notes, () =>
      updateDeal(dev.notes, 'd1', { ...DEAL, note: 'Procurement wants telematics' }, { author: 'Ana', now: 2 }),
    );
    for (const u of updates) indexer.applyUpdate(name, u);
    await indexed(name);
    expect(titles('telematics')).toEqual(['Fleet renewal']);
    expect(titles('guarantee')).toEqual([]);
  });

  it('a playbook removed from the directory leaves the results', async () => {
    const dev = await device();
    const { indexer, titles } = indexerOn(dev);
    await indexer.open(WS, PLAYBOOKS);
    indexer.setPlaybooks([]);
    expect(titles('downtime')).toEqual([]);
    expect(indexer.size).toBe(0);
  });
});

describe('edits made in another window of this device', () => {
  it('a playbook open only in the other window is re-read here when that window indexes its edits', async () => {
    const dev = await device();
    const here = indexerOn(dev);
    const there = indexerOn(dev, { announce: (docName) => here.indexer.storedChanged(docName) });
    await here.indexer.open(WS, PLAYBOOKS);
    await there.indexer.open(WS, PLAYBOOKS);
    const name = playbookDocName(WS, 'p1');
    // The other window stores its edit and sends it to its own search, which tells this one.
    for (const u of retitle(dev.playbook, 'n1', 'Uptime pays')) {
      await dev.store.append(name, u);
      there.indexer.applyUpdate(name, u);
    }
    await here.indexed(name);
    expect(here.titles('uptime pays')).toEqual(['Uptime pays']);
    expect(here.titles('downtime')).toEqual([]);
  });
});

describe('the index is kept on the device', () => {
  it('a restart loads the stored index at once and re-reads nothing that did not change', async () => {
    const dev = await device();
    const first = indexerOn(dev);
    await first.indexer.open(WS, PLAYBOOKS);
    await first.indexer.persist();
    first.indexer.dispose();

    const upsert = vi.spyOn(SearchEngine.prototype, 'upsert');
    const second = indexerOn(dev);
    await second.indexer.open(WS, PLAYBOOKS);
    const states = second.statuses().map((s: IndexStatus) => s.state);
    expect(states).toEqual(['loading', 'ready', 'ready']);
    expect(second.statuses()[1]).toMatchObject({ source: 'stored', records: 4, checked: false });
    expect(second.statuses()[2]).toMatchObject({ source: 'stored', records: 4, checked: true });
    expect(upsert.mock.results.filter((r) => r.value === true)).toHaveLength(0);
    expect(second.titles('dowtime')).toEqual(['Downtime costs money']);
  });

  it('a document changed while the index was not running is re-read on the next start', async () => {
    const dev = await device();
    const first = indexerOn(dev);
    await first.indexer.open(WS, PLAYBOOKS);
    await first.indexer.persist();
    for (const u of retitle(dev.playbook, 'n1', 'Uptime pays')) await dev.store.append(playbookDocName(WS, 'p1'), u);

    const second = indexerOn(dev);
    await second.indexer.open(WS, PLAYBOOKS);
    expect(second.titles('uptime pays')).toEqual(['Uptime pays']);
  });

  it('an index of an older format is rebuilt from the documents', async () => {
    const dev = await device();
    const first = indexerOn(dev);
    await first.indexer.open(WS, PLAYBOOKS);
    await first.indexer.persist();
    const stored = (await dev.indexStore.read(WS))!;
    await dev.indexStore.write({ ...stored, format: SEARCH_FORMAT_VERSION - 1 });

    const second = indexerOn(dev);
    await second.indexer.open(WS, PLAYBOOKS);
    expect(second.statuses().at(-1)).toMatchObject({ state: 'ready', source: 'built', records: 4 });
    expect(second.titles('dowtime')).toEqual(['Downtime costs money']);
    expect((await dev.indexStore.read(WS))!.format).toBe(SEARCH_FORMAT_VERSION);
  });
});
