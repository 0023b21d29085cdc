/**
 * The search index's document side: reading stored Yjs documents into records, and keeping a replica of
 * every open document current from its updates. It carries Yjs, the headless editor and the deal log's
 * readers, most of the worker's code, so the worker loads it (`import()`) only once a document must be read:
 * a warm start answers queries from the stored index before this module has even been fetched.
 */
import * as Y from 'yjs';
import { anchorsMap } from '@shared/collab/anchoredNotes';
import { observeDealChanges, readDeal } from '@shared/collab/notes';
import type { SearchEngine } from '@shared/search/SearchEngine';
import { dealSearchDoc } from '@shared/search/searchDocs';
import { openHeadlessMirror, type HeadlessMirror } from '../../editor/headless';
import { $readNarrativesWithBody } from '../../editor/narrativeOps';
import type { DocStore } from '../../platform/DocStore';
import { indexAnchoredNotes, indexNarratives, indexNotes } from './indexRecords';

/** What the document side needs from the indexer that loaded it. */
export interface DocIndexerHost {
  store: Pick<DocStore, 'load'>;
  /** The current engine (replaced when a stored index is loaded). */
  engine(): SearchEngine;
  /** Document name → its Yjs state vector when it was indexed. */
  vectors(): Map<string, Uint8Array>;
  isListed(playbookId: string): boolean;
  /** Between slices of reading a document. */
  pause(): Promise<void>;
  /** Resolves once nobody has typed in the editor for a moment. */
  whenQuiet(): Promise<void>;
  now(): number;
  /** An open document's edits were indexed. */
  indexedLive(docName: string): void;
  reindexDelayMs: number;
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads stored documents into the index and keeps replicas of open ones. */
export class DocIndexer {
  private readonly live = new Map<string, LiveDoc>();

  constructor(private readonly host: DocIndexerHost) {}

  /** True while updates of `docName` arrive from the app (then its stored state is not what counts). */
  isLive(docName: string): boolean {
    return this.live.has(docName);
  }

  /**
   * Re-reads a stored document unless its state is the one the index was built from; true when it was read.
   * A playbook is read through a headless editor bound from the start (no second copy of the document), a
   * notes document deal by deal in slices.
   */
  async reconcileDoc(name: string, playbookId: string, kind: 'playbook' | 'notes'): Promise<boolean> {
    const loaded = await this.host.store.load(name, { validate: false });
    if (!loaded.ok) {
      console.warn(`[search] ${name} not indexed: ${loaded.error.message}`);
      return false;
    }
    const update = loaded.value.update;
    if (update === null) return false;
    const known = this.host.vectors().get(name);
    // Only a document indexed before needs its vector up front (to skip it when unchanged); a new one's is
    // read from the document once applied, which costs nothing.
    if (known && sameBytes(known, Y.encodeStateVectorFromUpdate(update))) return false;
    const engine = this.host.engine();
    if (kind === 'playbook') {
      const mirror = openHeadlessMirror();
      try {
        Y.applyUpdate(mirror.doc, update);
        indexNarratives(engine, playbookId, mirror.read($readNarrativesWithBody));
        this.host.vectors().set(name, Y.encodeStateVector(mirror.doc));
      } finally {
        mirror.dispose();
      }
    } else {
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, update);
        await indexNotes(engine, playbookId, doc, () => this.host.pause(), this.host.now);
        this.host.vectors().set(name, Y.encodeStateVector(doc));
      } finally {
        doc.destroy();
      }
    }
    return true;
  }

  /** An update of an open document: applied to its replica (opened on the first), re-indexed shortly after. */
  applyUpdate(docName: string, kind: 'playbook' | 'notes', playbookId: string, update: Uint8Array): void {
    let live = this.live.get(docName);
    if (!live) live = this.startLive(docName, kind, playbookId);
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

  /** Stops timers and releases replicas. */
  dispose(): void {
    for (const live of this.live.values()) {
      if (live.timer) clearTimeout(live.timer);
      live.dispose();
    }
    this.live.clear();
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
    // Loading the replica reads the whole document (a third of a second for a large playbook on a loaded
    // machine): not while its author types. Their edits wait in `pending` meanwhile.
    void this.host
      .whenQuiet()
      .then(() => this.host.store.load(docName, { validate: false }))
      .then((loaded) => {
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
    }, this.host.reindexDelayMs);
  }

  private async reindexLive(live: LiveDoc, full: boolean): Promise<void> {
    await this.host.whenQuiet(); // the edits are findable once their author pauses, not between two keys
    if (this.live.get(live.docName) !== live || !this.host.isListed(live.playbookId)) return;
    const engine = this.host.engine();
    const vector = Y.encodeStateVector(live.doc);
    const known = this.host.vectors().get(live.docName);
    if (live.mirror) indexNarratives(engine, live.playbookId, live.mirror.read($readNarrativesWithBody));
    else if (full && !(known && sameBytes(known, vector)))
      await indexNotes(engine, live.playbookId, live.doc, () => this.host.pause(), this.host.now);
    else {
      for (const id of live.touchedDeals) {
        const deal = readDeal(live.doc, id);
        if (deal) engine.upsert(dealSearchDoc(live.playbookId, deal));
        else engine.remove(`d:${live.playbookId}:${id}`);
      }
      if (live.notesChanged) indexAnchoredNotes(engine, live.playbookId, live.doc);
    }
    live.touchedDeals.clear();
    live.notesChanged = false;
    this.host.vectors().set(live.docName, vector);
    this.host.indexedLive(live.docName);
  }
}
