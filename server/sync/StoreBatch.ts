/**
 * A batch of a document's updates (group commit), and how they leave the server once stored: each update
 * is relayed as it came (to everyone but its writer, as y-websocket does), and every writer that asked for
 * Duet's messages gets ONE `stored` per batch, carrying the state vector the batch was closed at — which
 * covers each of its updates in the batch (docs/SYNC-PROTOCOL.md). Profiled (bench/server-cluster.mjs, the
 * server run with --cpu-prof), a `stored` per update cost a state vector encoding, a queued task and a
 * socket write for each update: with one writer and one reader, as many frames again as the relay itself.
 *
 * Relaying the batch merged into one update was tried and measured: merging (Y.mergeUpdates) cost the
 * server more than the frames it saved, since frames written in one turn leave in few system calls.
 */
import * as Y from 'yjs';
import { encodeStored, encodeSyncUpdate } from '../protocol/encodeMessages';
import { broadcast } from './broadcast';
import type { Peer } from './Peer';

/** Updates of one document collected until its group formed (GroupCommit), stored in one transaction. */
export class StoreBatch {
  readonly updates: Uint8Array[] = [];
  /** Who sent each update, parallel to `updates`: a peer, or another local origin. */
  private readonly origins: unknown[] = [];
  /** The origins of its updates and the peers confirmed with it: those that asked get the batch's `stored`. */
  private readonly confirmed = new Set<unknown>();

  /** Adds one update Yjs emitted for `origin`. */
  add(update: Uint8Array, origin: unknown): void {
    this.updates.push(update);
    this.origins.push(origin);
    this.confirmed.add(origin);
  }

  /**
   * `peer` gets this batch's `stored`: it sent an update that joined the batch, or one that changed nothing
   * while the batch was open. Confirming it with the batch, rather than on its own with the state vector of
   * the moment, keeps every peer's `stored` messages in increasing order.
   */
  confirm(peer: Peer): void {
    this.confirmed.add(peer);
  }

  /** The batch as one Yjs update (what the other nodes of a cluster are sent). */
  mergedUpdate(): Uint8Array {
    return this.updates.length === 1 ? this.updates[0]! : Y.mergeUpdates(this.updates);
  }

  /** True when any writer of the batch asked for Duet's `stored` messages. */
  wantsStored(): boolean {
    for (const peer of this.confirmed) if (isExtensionPeer(peer)) return true;
    return false;
  }

  /**
   * Relays the stored batch to `peers`, then sends one `stored` carrying `storedVector` to each confirmed
   * peer that asked for it. Returns the number of update frames sent.
   */
  deliver(peers: ReadonlySet<Peer>, storedVector: Uint8Array | null): number {
    let frames = 0;
    this.updates.forEach((update, i) => {
      frames += broadcast(peers, encodeSyncUpdate(update), this.origins[i]);
    });
    if (storedVector !== null) {
      const stored = encodeStored(storedVector);
      for (const peer of this.confirmed) if (isExtensionPeer(peer)) peer.send(stored);
    }
    return frames;
  }
}

function isExtensionPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && (origin as Partial<Peer>).extensions === true;
}
