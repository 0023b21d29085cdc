/**
 * The search worker's brain: loads the stored index (or builds one from the documents on this device),
 * keeps it current from the Yjs updates of open documents, and answers queries. Plain TypeScript with its
 * dependencies passed in, so it is tested in Node with fake IndexedDB and used unchanged in the worker.
 */
import * as Y from 'yjs';
import { notesDocName, parseDocName, playbookDocName } from '@shared/collab/docNames';
import { anchorsMap, observeDealChanges, readDeal } from '@shared/collab/notes';
import { SEARCH_FORMAT_VERSION, SearchEngine, type SearchResults } from '@shared/search/SearchEngine';
import { dealSearchDoc, playbookSearchDoc } from '@shared/search/searchDocs';
import { parseQuery } from '@shared/search/searchQuery';
import { openHeadlessMirror, readPlaybookDoc, type HeadlessMirror } from '../../editor/headless';
import { $readNarrativesWithBody } from '../../editor/narrativeOps';
import type { DocStore } from '../../platform/DocStore';
import { indexAnchoredNotes, indexNarratives, indexNotes, SLICE_MS } from './indexRecords';
import type { IndexStore } from './indexStore';
import type { FromWorker, IndexedPlaybook } from './searchProtocol';

/** What the indexer needs from its surroundings. */
export interface IndexerDeps {
  store: Pick<DocStore, 'load'>;
  indexStore: IndexStore;
  emit: (message: FromWorker) => void;
  /** Lets queued messages (queries) run between slices of a build. */
  yieldNow: () => Promise<void>;
  /** Waits `ms` (the build backs off while someone types); none in tests. */
  sleep?: (ms: number) => Promise<void>;
  now: () => number;
  /** How long after the last change the index is written to the device. */
  persistDelayMs?: number;
  /** How long updates of one document are gathered before it is re-read. */
  reindexDelayMs?: number;
  /**
   * Tells the search of other windows on this device that this window indexed edits of `docName` (they
   * re-read it from the store: it is not open there, so no update of it reaches them).
   */
  announce?: (docName: string) => void;
}

/** An open document the app is sending updates of. */
interface LiveDoc {
  docName: string;
  kind: 'playbook' | 'notes';
  playbookId: string;
  mirror: HeadlessMirror | null;
  doc: Y.Doc;
  pending: Uint8Array[] | null;
  touchedDeals: Set<string>;
  notesChanged: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  dispose: () => void;
}

const MAX_LIVE_DOCS = 6;
/** The pause between build slices while edits arrive (another user's typing): about a tenth of a core. */
const EDITS_PAUSE_MS = SLICE_MS * 8;
/** A build stands still until no key was typed in the editor for this long. */
export const TYPING_QUIET_MS = 1000;

/** Builds, updates, persists and queries one workspace's index. */
export class SearchIndexer {
  private engine = SearchEngine.create();
  private vectors = new Map<string, Uint8Array>();
  private readonly live = new Map<string, LiveDoc>();
  private workspaceId = '';
  private listed = new Set<string>();
  private titles: readonly IndexedPlaybook[] = [];
  private opened = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly rereads = new Map<string, ReturnType<typeof setTimeout>>();
  private lastEdit = -Infinity;
  private lastKey = -Infinity;
  private building = false;

  constructor(private readonly deps: IndexerDeps) {}

  /** Loads the stored index (answering queries at once), then re-reads the documents that changed. */
  async open(workspaceId: string, playbooks: readonly IndexedPlaybook[]): Promise<void> {
    this.workspaceId = workspaceId;
    this.titles = playbooks;
    this.listed = new Set(playbooks.map((p) => p.id));
    const started = this.deps.now();
    this.deps.emit({ type: 'status', status: { state: 'loading' } });
    const stored = await this.deps.indexStore.read(workspaceId);
    const loaded = stored?.format === SEARCH_FORMAT_VERSION ? SearchEngine.fromStored(stored.index) : null;
    if (loaded && stored) {
      this.engine = loaded;
      this.vectors = new Map(Object.entries(stored.vectors));
      const ms = this.deps.now() - started;
      const status = { state: 'ready', records: loaded.size, source: 'stored', ms, checked: false } as const;
      this.deps.emit({ type: 'status', status });
    }
    this.opened = true;
    this.applyTitles();
    await this.reconcile([...this.listed], loaded === null, started);
  }

  /** The directory changed: titles re-indexed, records of playbooks no longer listed removed. */
  setPlaybooks(playbooks: readonly IndexedPlaybook[]): void {
    const added = playbooks.filter((p) => !this.listed.has(p.id)).map((p) => p.id);
    this.titles = playbooks;
    this.listed = new Set(playbooks.map((p) => p.id));
    if (!this.opened) return; // `open` reads the list when the stored index is in
    this.applyTitles();
    if (added.length > 0) void this.reconcile(added, false, this.deps.now());
  }

  private applyTitles(): void {
    let changed = false;
    for (const record of this.engine.idsWithPrefix('p:')) {
      const id = record.slice(2);
      if (!this.listed.has(id)) {
        this.forgetPlaybook(id);
        changed = true;
      }
    }
    for (const p of this.titles) changed = this.engine.upsert(playbookSearchDoc(p)) || changed;
    if (changed) this.schedulePersist();
  }

  /** Runs a query. */
  query(text: string): SearchResults {
    return this.engine.search(parseQuery(text));
  }

  /** Number of records indexed. */
  get size(): number {
    return this.engine.size;
  }

  /**
   * Someone typed in the editor: until they pause, a build (or the check of a stored index) stands still
   * between slices. Queries are still answered meanwhile.
   */
  typing(): void {
    this.lastKey = this.deps.now();
  }

  /** An update of an open document: applied to the worker's replica, re-indexed shortly after. */
  applyUpdate(docName: string, update: Uint8Array): void {
    const parsed = parseDocName(docName);
    if (parsed === null || parsed.workspaceId !== this.workspaceId) return;
    this.lastEdit = this.deps.now();
    if (parsed.kind !== 'playbook' && parsed.kind !== 'notes') return;
    let live = this.live.get(docName);
    if (!live) live = this.startLive(docName, parsed.kind, parsed.id);
    else {
      this.live.delete(docName); // re-insert: the map's order is the least recently updated first
      this.live.set(docName, live);
    }
    if (live.pending) live.pending.push(update);
    else {
      Y.applyUpdate(live.doc, update);
      this.scheduleReindex(live);
    }
  }

  /**
   * Another window of this device indexed edits of `docName`: unless it is open here too (then its updates
   * arrive here as well), it is re-read from the store shortly — its new words findable here without a restart.
   */
  storedChanged(docName: string): void {
    const parsed = parseDocName(docName);
    if (!this.opened || parsed === null || parsed.workspaceId !== this.workspaceId) return;
    if ((parsed.kind !== 'playbook' && parsed.kind !== 'notes') || !this.listed.has(parsed.id)) return;
    const kind = parsed.kind;
    clearTimeout(this.rereads.get(docName));
    const timer = setTimeout(() => {
      this.rereads.delete(docName);
      if (this.live.has(docName) || !this.listed.has(parsed.id)) return;
      void this.reconcileDoc(docName, parsed.id, kind).then((changed) => {
        if (changed) this.schedulePersist();
        this.deps.emit({ type: 'indexed', docName });
      });
    }, this.deps.reindexDelayMs ?? 80);
    this.rereads.set(docName, timer);
  }

  /** Writes the index now (tests; the worker writes on its own after changes settle). */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    await this.deps.indexStore.write({
      workspaceId: this.workspaceId,
      format: SEARCH_FORMAT_VERSION,
      index: this.engine.toStored(),
      vectors: Object.fromEntries(this.vectors),
      savedAt: Date.now(),
    });
  }

  /** Stops timers and releases replicas. */
  dispose(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    for (const timer of this.rereads.values()) clearTimeout(timer);
    for (const live of this.live.values()) live.dispose();
    this.live.clear();
  }

  /**
   * Between slices of a build: lets queries in; while someone types in the editor, stops until they pause;
   * while edits arrive (someone else typing), leaves the CPU alone for a while after each slice. On a
   * two-core machine a busy worker competes with the page and the browser's processes that draw each
   * character: a build slowed down was still measured at 1.5× the idle keystroke time, a stopped one is not.
   */
  private async pause(): Promise<void> {
    await this.deps.yieldNow();
    const sleep = this.deps.sleep;
    if (!sleep) return;
    for (let quiet = this.deps.now() - this.lastKey; quiet < TYPING_QUIET_MS; quiet = this.deps.now() - this.lastKey)
      await sleep(TYPING_QUIET_MS - quiet);
    if (this.deps.now() - this.lastEdit < 1000) await sleep(EDITS_PAUSE_MS);
  }

  private forgetPlaybook(id: string): void {
    for (const prefix of [`p:${id}`, `n:${id}:`, `d:${id}:`, `a:${id}:`])
      for (const recordId of this.engine.idsWithPrefix(prefix)) this.engine.remove(recordId);
    this.vectors.delete(playbookDocName(this.workspaceId, id));
    this.vectors.delete(notesDocName(this.workspaceId, id));
    this.schedulePersist();
  }

  /** Re-reads every listed document whose stored state differs from what the index was built from. */
  private async reconcile(ids: readonly string[], building: boolean, started: number): Promise<void> {
    const names = ids.flatMap((id) => [
      { name: playbookDocName(this.workspaceId, id), id, kind: 'playbook' as const },
      { name: notesDocName(this.workspaceId, id), id, kind: 'notes' as const },
    ]);
    let done = 0;
    let changed = false;
    const progress = (): void => {
      if (building)
        this.deps.emit({
          type: 'status',
          status: { state: 'building', done, total: names.length, records: this.engine.size },
        });
    };
    progress();
    this.building ||= building;
    for (const { name, id, kind } of names) {
      // Before each document rather than after: reading one is a stretch that cannot stop halfway, so it
      // does not start while someone types.
      await this.pause();
      if (!this.live.has(name) && this.listed.has(id)) changed = (await this.reconcileDoc(name, id, kind)) || changed;
      done++;
      progress();
    }
    if (building) this.building = false;
    if (changed || building) await this.persist();
    const ms = this.deps.now() - started;
    const source = building ? 'built' : 'stored';
    this.deps.emit({
      type: 'status',
      status: { state: 'ready', records: this.engine.size, source, ms, checked: true },
    });
  }

  private async reconcileDoc(name: string, playbookId: string, kind: 'playbook' | 'notes'): Promise<boolean> {
    const loaded = await this.deps.store.load(name, { validate: false });
    if (!loaded.ok) {
      console.warn(`[search] ${name} not indexed: ${loaded.error.message}`);
      return false;
    }
    if (loaded.value.update === null) return false;
    const vector = Y.encodeStateVectorFromUpdate(loaded.value.update);
    const known = this.vectors.get(name);
    if (known && sameBytes(known, vector)) return false;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, loaded.value.update);
      if (kind === 'playbook') indexNarratives(this.engine, playbookId, readPlaybookDoc(doc, $readNarrativesWithBody));
      else await indexNotes(this.engine, playbookId, doc, () => this.pause(), this.deps.now);
    } finally {
      doc.destroy();
    }
    this.vectors.set(name, vector);
    return true;
  }

  private startLive(docName: string, kind: 'playbook' | 'notes', playbookId: string): LiveDoc {
    const mirror = kind === 'playbook' ? openHeadlessMirror() : null;
    const doc = mirror?.doc ?? new Y.Doc();
    const live: LiveDoc = {
      docName,
      kind,
      playbookId,
      mirror,
      doc,
      pending: [],
      touchedDeals: new Set(),
      notesChanged: false,
      timer: null,
      dispose: () => {},
    };
    this.live.set(docName, live);
    this.evictLive();
    void this.deps.store.load(docName, { validate: false }).then((loaded) => {
      if (this.live.get(docName) !== live) return;
      if (loaded.ok && loaded.value.update) Y.applyUpdate(doc, loaded.value.update);
      if (kind === 'notes') {
        const anchors = anchorsMap(doc);
        const handleAnchors = (): void => {
          live.notesChanged = true;
        };
        anchors.observe(handleAnchors);
        const stopDeals = observeDealChanges(doc, (touched) => {
          for (const id of touched) live.touchedDeals.add(id);
        });
        live.dispose = () => {
          anchors.unobserve(handleAnchors);
          stopDeals();
          doc.destroy();
        };
      } else live.dispose = () => mirror!.dispose();
      for (const update of live.pending ?? []) Y.applyUpdate(doc, update);
      live.pending = null;
      live.notesChanged = true;
      this.scheduleReindex(live, true);
    });
    return live;
  }

  private evictLive(): void {
    while (this.live.size > MAX_LIVE_DOCS) {
      const [oldest] = this.live.values();
      if (!oldest || oldest.pending) return;
      this.live.delete(oldest.docName);
      if (oldest.timer) clearTimeout(oldest.timer);
      oldest.dispose();
    }
  }

  private scheduleReindex(live: LiveDoc, full = false): void {
    if (live.timer) clearTimeout(live.timer);
    live.timer = setTimeout(() => {
      live.timer = null;
      void this.reindexLive(live, full);
    }, this.deps.reindexDelayMs ?? 80);
  }

  private async reindexLive(live: LiveDoc, full: boolean): Promise<void> {
    if (this.live.get(live.docName) !== live || !this.listed.has(live.playbookId)) return;
    const vector = Y.encodeStateVector(live.doc);
    const known = this.vectors.get(live.docName);
    if (live.mirror) indexNarratives(this.engine, live.playbookId, live.mirror.read($readNarrativesWithBody));
    else if (full && !(known && sameBytes(known, vector)))
      await indexNotes(this.engine, live.playbookId, live.doc, () => this.pause(), this.deps.now);
    else {
      for (const id of live.touchedDeals) {
        const deal = readDeal(live.doc, id);
        if (deal) this.engine.upsert(dealSearchDoc(live.playbookId, deal));
        else this.engine.remove(`d:${live.playbookId}:${id}`);
      }
      if (live.notesChanged) indexAnchoredNotes(this.engine, live.playbookId, live.doc);
    }
    live.touchedDeals.clear();
    live.notesChanged = false;
    this.vectors.set(live.docName, vector);
    this.schedulePersist();
    this.deps.emit({ type: 'indexed', docName: live.docName });
    this.deps.announce?.(live.docName);
  }

  private schedulePersist(): void {
    // A build writes the index once when it is done: writing a half-built one every few seconds would cost
    // the worker a full clone each time, while someone is typing.
    if (this.building) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), this.deps.persistDelayMs ?? 2000);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
