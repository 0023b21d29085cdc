/**
 * The search worker's brain: loads the stored index (or builds one from the documents on this device),
 * keeps it current from the Yjs updates of open documents, and answers queries. Plain TypeScript with its
 * dependencies passed in, so it is tested in Node with fake IndexedDB and used unchanged in the worker.
 */
import { notesDocName, parseDocName, playbookDocName } from '@shared/collab/docNames';
import { SEARCH_FORMAT_VERSION, SearchEngine, type SearchResults } from '@shared/search/SearchEngine';
import { playbookSearchDoc } from '@shared/search/searchDocs';
import { parseQuery } from '@shared/search/searchQuery';
import type { DocStore } from '../../platform/DocStore';
import type { DocIndexer } from './DocIndexer';
import type { IndexStore } from './indexStore';
import type { FromWorker, IndexedPlaybook } from './searchProtocol';

/** What the indexer needs from its surroundings. */
export interface IndexerDeps {
  store: Pick<DocStore, 'load'>;
  indexStore: IndexStore;
  emit: (message: FromWorker) => void;
  /** Lets queued messages (queries) run between slices of a build. */
  yieldNow: () => Promise<void>;
  /** Waits `ms` (the build stands still while someone types); without it nothing waits (most tests). */
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

/** The pause between build slices while edits arrive (another user's typing): about a tenth of a core. */
const EDITS_PAUSE_MS = 96;
/** A build stands still until no key was typed in the editor for this long. */
export const TYPING_QUIET_MS = 1000;

/** Builds, updates, persists and queries one workspace's index. */
export class SearchIndexer {
  private engine = SearchEngine.create();
  private vectors = new Map<string, Uint8Array>();
  private docIndexer: Promise<DocIndexer> | null = null;
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
    // Set before the titles go in: they would otherwise schedule a write of the index a build has barely begun.
    this.building = loaded === null;
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
    const kind = parsed.kind;
    if (kind !== 'playbook' && kind !== 'notes') return;
    // Callbacks of one promise run in the order they were added: updates reach the replica in order.
    void this.docs().then((docs) => docs.applyUpdate(docName, kind, parsed.id, update));
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
    void this.docIndexer?.then((docs) => docs.dispose());
  }

  /** The document side, loaded the first time a document must be read (see DocIndexer). */
  private docs(): Promise<DocIndexer> {
    this.docIndexer ??= import('./DocIndexer').then(
      ({ DocIndexer }) =>
        new DocIndexer({
          store: this.deps.store,
          engine: () => this.engine,
          vectors: () => this.vectors,
          isListed: (id) => this.listed.has(id),
          pause: () => this.pause(),
          whenQuiet: () => this.whenQuiet(),
          now: this.deps.now,
          indexedLive: (docName) => {
            this.schedulePersist();
            this.deps.emit({ type: 'indexed', docName });
            this.deps.announce?.(docName);
          },
          reindexDelayMs: this.deps.reindexDelayMs ?? 80,
        }),
    );
    return this.docIndexer;
  }

  /**
   * Between slices of a build: lets queries in; while someone types in the editor, stops until they pause;
   * while edits arrive (someone else typing), leaves the CPU alone for a while after each slice. On a
   * two-core machine a busy worker competes with the page and the browser's processes that draw each
   * character: a build slowed down was still measured at 1.5× the idle keystroke time; a stopped one is
   * within the bench's noise of idle.
   */
  private async pause(): Promise<void> {
    await this.deps.yieldNow();
    await this.whenQuiet();
    if (this.deps.sleep && this.deps.now() - this.lastEdit < 1000) await this.deps.sleep(EDITS_PAUSE_MS);
  }

  /** Resolves once nobody has typed in the editor for `TYPING_QUIET_MS` (at once where nothing can sleep). */
  private async whenQuiet(): Promise<void> {
    const sleep = this.deps.sleep;
    if (!sleep) return;
    for (let quiet = this.deps.now() - this.lastKey; quiet < TYPING_QUIET_MS; quiet = this.deps.now() - this.lastKey)
      await sleep(TYPING_QUIET_MS - quiet);
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
    // Every playbook before any notes document: narratives are findable sooner, and a large deal log — whose
    // update is the longest stretch that cannot pause — is read last, when typing is least likely to start.
    const names = [
      ...ids.map((id) => ({ name: playbookDocName(this.workspaceId, id), id, kind: 'playbook' as const })),
      ...ids.map((id) => ({ name: notesDocName(this.workspaceId, id), id, kind: 'notes' as const })),
    ];
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
      changed = (await this.reconcileDoc(name, id, kind)) || changed;
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

  /** Re-reads a listed document that is not open (its updates keep that one current) if it changed. */
  private async reconcileDoc(name: string, playbookId: string, kind: 'playbook' | 'notes'): Promise<boolean> {
    if (!this.listed.has(playbookId)) return false;
    const docs = await this.docs();
    return !docs.isLive(name) && this.listed.has(playbookId) && docs.reconcileDoc(name, playbookId, kind);
  }

  private schedulePersist(): void {
    // A build writes the index once when it is done: writing a half-built one every few seconds would cost
    // the worker a full clone each time, while someone is typing.
    if (this.building) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), this.deps.persistDelayMs ?? 2000);
  }
}
