/**
 * One loaded document: its Y.Doc, awareness and connected peers. Every change is stored before anyone
 * hears of it: stores, relays, acknowledgements and sync replies go through one ordered queue, so a frame
 * that reveals content always leaves after the content it reveals is durable.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/result';
import type { Metrics } from '../http/Metrics';
import type { AwarenessEntry } from '../protocol/parseFrame';
import {
  encodeAwareness,
  encodeStored,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../protocol/encodeMessages';
import { CLOSE_SERVER_ERROR } from '../protocol/messageTypes';
import type { Broadcaster } from '../storage/Broadcaster';
import type { DocStorage } from '../storage/DocStorage';
import { bindPresence } from './bindPresence';
import type { Peer } from './Peer';

/** Origin of updates that came from another node: relay them, never store them again. */
const REMOTE_ORIGIN = Symbol('remote');
/** A peer may drive this many awareness client ids (one per tab/editor is normal). */
const MAX_AWARENESS_IDS_PER_PEER = 8;

/** What a shared doc depends on. */
export interface SharedDocDeps {
  storage: DocStorage;
  broadcaster: Broadcaster;
  metrics: Metrics;
  /** Merge the update log after this many appends. */
  compactEvery: number;
}

/** A document held in memory while peers are connected to it. */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Appends since the log was last compacted; the registry compacts on unload when non-zero. */
  appendsSinceCompaction = 0;
  private readonly awarenessOwners = new Map<number, Peer>();
  private tail: Promise<void> = Promise.resolve();
  private failed = false;
  private readonly disposers: (() => void)[] = [];

  private constructor(
    readonly name: string,
    private readonly deps: SharedDocDeps,
  ) {}

  /** Loads every stored update of `name` before returning, so no peer is ever answered from a partial doc. */
  static async load(name: string, deps: SharedDocDeps): Promise<SharedDoc> {
    const shared = new SharedDoc(name, deps);
    const updates = await deps.storage.load(name);
    shared.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(shared.doc, update);
    });
    shared.awareness.setLocalState(null); // the server has no presence of its own
    shared.doc.on('update', shared.handleDocUpdate);
    shared.awareness.on('update', shared.handleAwarenessUpdate);
    shared.disposers.push(
      () => shared.doc.off('update', shared.handleDocUpdate),
      () => shared.awareness.off('update', shared.handleAwarenessUpdate),
      deps.broadcaster.subscribe(name, (update) => Y.applyUpdate(shared.doc, update, REMOTE_ORIGIN)),
    );
    return shared;
  }

  /** Resolves when every queued store, relay and reply has run. */
  drain(): Promise<void> {
    return this.tail;
  }

  /** Joins a peer: it gets our state vector (so it sends what we lack) and the current presence. */
  addPeer(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Removes a peer and the presence it drove. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === peer).map(([id]) => id);
    for (const id of owned) this.awarenessOwners.delete(id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
  }

  /** Answers a peer's sync step 1 with what it lacks, once everything it will see is stored. */
  replyToSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    this.enqueue(async () => peer.send(encodeSyncStep2(diff)));
  }

  /**
   * Applies a writer's (already validated) update. Relaying happens in the doc's update handler; the writer
   * is then told the stored state vector, so it can tell which of its changes are safe.
   */
  applyUpdate(peer: Peer, update: Uint8Array): Result<void> {
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // Whatever Yjs integrated before throwing was emitted and is stored like any update: doc and log agree.
      return fail('corrupt', `update rejected by Yjs: ${(error as Error).message}`);
    }
    // Only clients that asked for Duet's messages get `stored`; a stock y-websocket client would log it as unknown.
    if (peer.extensions) {
      const stateVector = Y.encodeStateVector(this.doc);
      this.enqueue(async () => peer.send(encodeStored(stateVector)));
    }
    return ok(undefined);
  }

  /**
   * Applies a presence update, refusing entries for client ids another peer drives. Each state is first
   * rewritten to name the peer's member (`bindPresence`): the server says who a presence belongs to.
   */
  applyAwareness(peer: Peer, claimed: AwarenessEntry[]): Result<void> {
    const bound = bindPresence(claimed, peer.identity);
    if (!bound.ok) return bound;
    const { payload, entries } = bound.value;
    for (const entry of entries) {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner !== undefined && owner !== peer) return fail('denied', 'awareness-spoof');
    }
    const ownedBefore = [...this.awarenessOwners.values()].filter((owner) => owner === peer).length;
    const added = entries.filter((e) => e.state !== null && !this.awarenessOwners.has(e.clientId)).length;
    if (ownedBefore + added > MAX_AWARENESS_IDS_PER_PEER) return fail('denied', 'awareness-limit');
    for (const entry of entries) {
      if (entry.state === null) this.awarenessOwners.delete(entry.clientId);
      else this.awarenessOwners.set(entry.clientId, peer);
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, peer);
    } catch (error) {
      return fail('corrupt', `awareness rejected: ${(error as Error).message}`);
    }
    return ok(undefined);
  }

  /** Every presence state, for a peer's query-awareness. */
  sendAllAwareness(peer: Peer): void {
    const states = [...this.awareness.getStates().keys()];
    peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Releases timers and listeners; the doc must not be used afterwards. */
  destroy(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const fromRemote = origin === REMOTE_ORIGIN;
    const message = encodeSyncUpdate(update);
    this.enqueue(async () => {
      if (!fromRemote) {
        await this.deps.storage.append(this.name, update);
        this.deps.metrics.updatesStored++;
        this.appendsSinceCompaction++;
        this.deps.broadcaster.publish(this.name, update);
        // Queued behind this task, so it runs between relays rather than inside one.
        if (this.appendsSinceCompaction >= this.deps.compactEvery) this.enqueue(() => this.compact());
      }
      for (const peer of this.peers) {
        if (peer === origin) continue;
        peer.send(message);
        this.deps.metrics.updatesRelayed++;
      }
    });
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    // Presence is not content: it is relayed at once, not queued behind stores.
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers) peer.send(message);
  };

  private async compact(): Promise<void> {
    if (this.appendsSinceCompaction < this.deps.compactEvery) return;
    await this.deps.storage.compact(this.name);
    this.appendsSinceCompaction = 0;
    this.deps.metrics.compactions++;
  }

  private enqueue(task: () => Promise<void>): void {
    this.tail = this.tail.then(async () => {
      if (this.failed) return;
      try {
        await task();
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /** A store failure: nothing more may be relayed from this copy; peers reconnect and resend what is unsaved. */
  private fail(error: unknown): void {
    this.failed = true;
    console.error(`[sync] ${this.name}: storage failed, closing its connections`, error);
    for (const peer of this.peers) peer.close(CLOSE_SERVER_ERROR, 'storage failure');
  }

  /** True after a storage failure: the registry must not hand this copy out again. */
  get isFailed(): boolean {
    return this.failed;
  }
}
