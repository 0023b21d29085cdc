/**
 * One loaded document: its Y.Doc, presence (DocPresence) and connected peers. Every change is stored before anyone
 * hears of it: stores, relays, acknowledgements and sync replies go through one ordered queue, so a frame
 * that reveals content always leaves after the content it reveals is durable.
 *
 * Group commit: the updates of this document that arrive until its batch is closed — those of one task when
 * nothing is being stored, else all that arrive until the next group forms (GroupCommit) — are stored in ONE
 * transaction (`storeBatch`); the next batch collects while the previous one is being stored. In a cluster
 * the batch is then published to the other nodes with its sequence numbers, and updates heard from them are
 * applied and relayed, never stored again; a hole in the numbers is read back from the store
 * (`ClusterCatchUp`).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/result';
import type { QuietCompaction } from '@shared/collab/QuietCompaction';
import { applyInSlices } from '@shared/collab/applyInSlices';
import { DEFLATE_SYNC_ABOVE } from '@shared/collab/syncProtocol';
import type { Metrics } from '../http/Metrics';
import type { AwarenessEntry } from '../protocol/parseFrame';
import {
  encodeStored,
  encodeSyncStep1,
  encodeSyncReply,
  encodeSyncReplyDeflated,
  encodeSyncUpdate,
} from '../protocol/encodeMessages';
import { CLOSE_SERVER_ERROR } from '../protocol/messageTypes';
import type { Broadcaster, ClusterMessage } from '../storage/Broadcaster';
import type { DocStorage, StoredUpdate } from '../storage/DocStorage';
import { DocPresence } from './DocPresence';
import { diffBytes, FullState } from './FullState';
import { broadcast } from './broadcast';
import { ClusterCatchUp } from './ClusterCatchUp';
import { FanIn } from './FanIn';
import { serverCompaction } from './serverCompaction';
import { GroupCommit } from './GroupCommit';
import type { Peer } from './Peer';
import { StoreBatch } from './StoreBatch';

/** The most stored rows a loaded document's whole state is sent as (see FullState). */
const ROWS_SENT_AS_STORED = 16;
/** Origin of updates and presence that came from another node (or the store): relay, never store again. */
const REMOTE_ORIGIN = Symbol('remote');

/** What a shared doc depends on. */
export interface SharedDocDeps {
  storage: DocStorage;
  broadcaster: Broadcaster;
  metrics: Metrics;
  /** Merge the update log after this many appends. */
  compactEvery: number;
  /** The group commit shared by the registry's documents; a document on its own makes its own. */
  commits?: GroupCommit;
}

/** A document held in memory while peers are connected to it. */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly peers = new Set<Peer>();
  /** Appends since the log was last compacted; the registry compacts on unload when non-zero. */
  appendsSinceCompaction = 0;
  /** Called once when storing fails (the registry forgets this copy). */
  onFailed: (() => void) | null = null;
  private readonly presence: DocPresence;
  private readonly seqs: ClusterCatchUp;
  private readonly fanIn: FanIn;
  private tail: Promise<void> = Promise.resolve();
  private failed = false;
  private destroyed = false;
  /** The batch still collecting updates (its store task has not started). */
  private batch: StoreBatch | null = null;
  private readonly disposers: (() => void)[] = [];
  private fullState = new FullState(this.doc, null);
  private readonly compaction: QuietCompaction;
  private readonly commits: GroupCommit;

  private constructor(
    readonly name: string,
    private readonly deps: SharedDocDeps,
  ) {
    this.commits = deps.commits ?? new GroupCommit(deps.storage, deps.metrics);
    this.compaction = serverCompaction(deps.compactEvery, () => this.enqueue(() => this.compact()));
    this.seqs = new ClusterCatchUp({
      name,
      storage: deps.storage,
      metrics: deps.metrics,
      apply: (update) => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN),
      isDestroyed: () => this.destroyed,
    });
    this.presence = new DocPresence(this.doc, {
      peers: this.peers,
      publish: (payload) => this.publish({ kind: 'awareness', node: deps.broadcaster.nodeId, payload }),
    });
    this.fanIn = new FanIn({
      name,
      broadcaster: deps.broadcaster,
      onMessage: (message) => {
        deps.metrics.fanoutIn++;
        this.handleClusterMessage(message);
      },
      catchUp: () => this.seqs.catchUp(),
      isDestroyed: () => this.destroyed,
    });
  }

  /**
   * Subscribes to the other nodes first, then loads every stored update, then applies what arrived in
   * between — so no update falls between the load and the subscription. Returns a complete doc only.
   */
  static async load(name: string, deps: SharedDocDeps): Promise<SharedDoc> {
    const shared = new SharedDoc(name, deps);
    const early: ClusterMessage[] = [];
    let loaded = false;
    const unsubscribe = await deps.broadcaster.subscribe(name, (message) => {
      deps.metrics.fanoutIn++;
      if (loaded) shared.handleClusterMessage(message);
      else early.push(message);
    });
    let rows: StoredUpdate[];
    try {
      rows = await deps.storage.load(name);
      // In slices, between which the node serves its other connections: a 23 MB notes document took one
      // ~0.5 s task to apply, and a node restarting held every room that long for each such document.
      await applyInSlices(
        shared.doc,
        rows.map((row) => row.update),
        null,
        () => nextTurn(),
      );
    } catch (error) {
      unsubscribe();
      throw error;
    }
    shared.seqs.advanceTo(rows.at(-1)?.seq ?? 0);
    // A compacted log is a few rows (DocStorage.compactionStart): sent as they are to a client with nothing.
    // Hundreds of small rows not compacted yet would be as many frames: those are encoded once instead.
    if (rows.length > 0 && rows.length <= ROWS_SENT_AS_STORED)
      shared.fullState = new FullState(
        shared.doc,
        rows.map((row) => row.update),
      );
    shared.doc.on('update', shared.handleDocUpdate);
    shared.disposers.push(
      () => shared.doc.off('update', shared.handleDocUpdate),
      () => shared.fanIn.dispose(),
      deps.broadcaster.onResubscribed(shared.handleResubscribed),
      () => shared.seqs.dispose(),
      () => shared.compaction.dispose(),
    );
    shared.fanIn.adopt(unsubscribe);
    loaded = true;
    for (const message of early) shared.handleClusterMessage(message);
    return shared;
  }

  /** For a copy kept loaded that nobody on this node holds: stops hearing the other nodes (FanIn.ts). */
  pauseFanIn(): void {
    this.fanIn.pause();
  }

  /** Hears the other nodes again; resolves once the copy holds what they stored meanwhile. */
  resumeFanIn(): Promise<void> {
    return this.fanIn.resume();
  }

  /** Resolves when every queued store, relay and reply has run. */
  drain(): Promise<void> {
    return this.tail;
  }

  /** Joins a peer: it gets our state vector (so it sends what we lack) and the current presence. */
  addPeer(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.sendAll(peer);
  }

  /** Removes a peer and the presence it drove. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer);
    this.presence.removePeer(peer);
  }

  /**
   * Answers a peer's sync step 1 with what it lacks, once everything it will see is stored — a large answer in
   * pieces of its own frames (encodeSyncReply).
   */
  replyToSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const diff = this.fullState.diff(stateVector);
    // A large answer goes deflated to clients that read it (MESSAGE_SYNC_DEFLATED), compressed
    // off the event loop while what it waits for is stored.
    const compressing =
      peer.deflate === true && diffBytes(diff) > DEFLATE_SYNC_ABOVE ? this.fullState.deflatePieces(diff) : null;
    this.enqueue(async () => {
      if (compressing !== null) {
        try {
          const pieces = await compressing;
          for (const frame of encodeSyncReplyDeflated(pieces)) peer.send(frame);
          return;
        } catch (error) {
          console.error(`[sync] ${this.name}: could not deflate a sync reply; sending it as it is`, error);
        }
      }
      for (const frame of encodeSyncReply(diff)) peer.send(frame);
    });
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
    // Only clients that asked for Duet's messages get `stored`; a stock y-websocket client would log it as
    // unknown. While a batch collects, the update is confirmed with it (it joined the batch, or changed
    // nothing); otherwise it changed nothing and gets its `stored` behind whatever is being stored.
    if (peer.extensions) {
      if (this.batch !== null) this.batch.confirm(peer);
      else {
        const stateVector = Y.encodeStateVector(this.doc);
        this.enqueue(async () => peer.send(encodeStored(stateVector)));
      }
    }
    return ok(undefined);
  }

  /** Applies a peer's presence update (DocPresence.apply: only ids it drives, named as its member). */
  applyAwareness(peer: Peer, claimed: AwarenessEntry[]): Result<void> {
    return this.presence.apply(peer, claimed);
  }

  /** Every presence state, for a peer's query-awareness. */
  sendAllAwareness(peer: Peer): void {
    this.presence.sendAll(peer, true);
  }

  /** Releases timers and listeners; the doc must not be used afterwards. */
  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.presence.destroy();
    this.doc.destroy();
  }

  /**
   * THE apply path of a writer's update, after `applyUpdate` validated it and Yjs integrated it: local
   * updates join the open batch (stored, then relayed and published, in `storeBatch`); updates from
   * other nodes or the store are relayed only, in queue order.
   */
  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState.changed(update);
    if (origin !== REMOTE_ORIGIN) {
      if (this.batch === null) {
        const batch = new StoreBatch();
        this.batch = batch;
        this.enqueue(() => this.storeBatch(batch));
      }
      this.batch.add(update, origin);
      return;
    }
    const message = encodeSyncUpdate(update);
    this.enqueue(async () => this.relay(message));
  };

  /**
   * Stores one batch's updates in one transaction, then publishes them to other nodes and relays them here,
   * with one `stored` per writer for the whole batch (`StoreBatch.deliver`).
   */
  private async storeBatch(batch: StoreBatch): Promise<void> {
    let storedVector: Uint8Array | null = null;
    const started = performance.now();
    // Stored with the other documents ready with it (`GroupCommit`); until the group forms, updates still
    // join the batch, later ones start a new one.
    const last = await this.commits.store(this.name, () => {
      if (this.batch === batch) this.batch = null;
      // Closed: the doc now holds exactly this batch and what was stored before it, so once the batch is
      // stored this state vector is stored too — the writers' `stored`.
      if (batch.wantsStored()) storedVector = Y.encodeStateVector(this.doc);
      return batch.updates;
    });
    const { updates } = batch;
    const { metrics } = this.deps;
    metrics.storageLatency.observe(performance.now() - started);
    metrics.updatesStored += updates.length;
    this.appendsSinceCompaction += updates.length;
    this.seqs.add(last - updates.length + 1, last);
    if (this.deps.broadcaster.clustered) {
      this.publish({
        kind: 'update',
        node: this.deps.broadcaster.nodeId,
        seq: last,
        count: updates.length,
        update: batch.mergedUpdate(),
      });
    }
    metrics.updatesRelayed += batch.deliver(this.peers, storedVector);
    // Queued behind this task when it is due (between bursts), so it runs between relays, never inside one.
    this.compaction.appended(this.appendsSinceCompaction);
  }

  private relay(message: Uint8Array): void {
    this.deps.metrics.updatesRelayed += broadcast(this.peers, message);
  }

  /** Publishes to the other nodes; a failure is counted, not fatal (they catch up from the store). */
  private publish(message: ClusterMessage): void {
    if (!this.deps.broadcaster.clustered) return;
    this.deps.broadcaster.publish(this.name, message).then(
      () => this.deps.metrics.fanoutOut++,
      () => this.deps.metrics.fanoutErrors++,
    );
  }

  private handleClusterMessage(message: ClusterMessage): void {
    if (this.destroyed || message.node === this.deps.broadcaster.nodeId) return;
    if (message.kind === 'awareness') return this.presence.applyRemote(message.payload, this.name);
    if (message.kind === 'head') {
      if (message.seq > this.seqs.watermark) void this.seqs.catchUp();
      return;
    }
    if (message.seq <= this.seqs.watermark) return; // already here (loaded, or caught up)
    try {
      Y.applyUpdate(this.doc, message.update, REMOTE_ORIGIN);
    } catch (error) {
      // The store holds the truth; read it rather than trust a damaged message.
      console.warn(`[cluster] ${this.name}: a published update did not apply; reading the store`, error);
      void this.seqs.catchUp();
      return;
    }
    this.seqs.add(message.seq - message.count + 1, message.seq);
  }

  /** After the fan-out reconnected: read what was missed, and say how far this copy goes. */
  private readonly handleResubscribed = (): void => {
    void this.seqs.catchUp().then(() => {
      if (!this.destroyed) this.publish({ kind: 'head', node: this.deps.broadcaster.nodeId, seq: this.seqs.highest });
    });
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
    this.onFailed?.();
    for (const peer of this.peers) peer.close(CLOSE_SERVER_ERROR, 'storage failure');
  }

  /** True after a storage failure: the registry never hands this copy to a new connection. */
  get isFailed(): boolean {
    return this.failed;
  }
}
