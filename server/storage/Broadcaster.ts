/**
 * Fan-out between the nodes of a cluster (Redis pub/sub in front of PostgreSQL, see RedisBroadcaster). A
 * node publishes each batch of updates after storing it and each presence change of its own clients; the
 * other nodes apply them to their loaded copy and relay them to their clients without storing them again.
 *
 * Pub/sub may drop messages (a slow or reconnecting subscriber), so nothing relies on it for correctness:
 * updates carry their storage sequence numbers, a node that sees a hole reads the missing rows back from
 * the store, and after every (re)subscription it catches up from the store (`onResubscribed`). A single
 * node needs none of this and uses `singleNodeBroadcaster`.
 */

/** What travels between nodes, per document. */
export type ClusterMessage =
  /** Updates numbered `seq - count + 1 … seq` in the store, merged into one Yjs update. */
  | { kind: 'update'; node: string; seq: number; count: number; update: Uint8Array }
  /** A y-protocols awareness update (states already bound to their members by the sending node). */
  | { kind: 'awareness'; node: string; payload: Uint8Array }
  /** "My copy holds every update up to `seq`": lets a node that missed the last message notice it. */
  | { kind: 'head'; node: string; seq: number };

/** Cross-node relay of document updates and presence. */
export interface Broadcaster {
  /** This node's id; messages carry it so a node can skip its own. */
  readonly nodeId: string;
  /** False when there are no other nodes to tell: a document then skips preparing what it would publish. */
  readonly clustered: boolean;
  /** Sends a message to the other nodes holding `docName`; rejects when the fan-out is unreachable. */
  publish(docName: string, message: ClusterMessage): Promise<void>;
  /**
   * Receives the other nodes' messages for `docName`. Resolves once subscribed (so a load that follows
   * misses nothing), or at once when the fan-out is unreachable (then `onResubscribed` fires later).
   * The returned function unsubscribes.
   */
  subscribe(docName: string, onMessage: (message: ClusterMessage) => void): Promise<() => void>;
  /** Called after the fan-out reconnected: messages may have been lost meanwhile. Returns its disposer. */
  onResubscribed(listener: () => void): () => void;
  /** Whether the fan-out is connected right now (`/healthz`). */
  reachable(): boolean;
  /** Disconnects. */
  close(): Promise<void>;
}

/** The single-node broadcaster: there is nobody to tell. */
export const singleNodeBroadcaster: Broadcaster = {
  nodeId: 'single',
  clustered: false,
  async publish() {},
  async subscribe() {
    return () => {};
  },
  onResubscribed() {
    return () => {};
  },
  reachable: () => true,
  async close() {},
};
