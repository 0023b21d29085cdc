/**
 * Fan-out of stored updates between server nodes that share one store (e.g. Redis pub/sub in front of
 * PostgreSQL). A node publishes each update after storing it; the other nodes apply it to their loaded copy
 * and relay it to their own clients without storing it again. A single node needs none of this.
 */

/** Cross-node relay of document updates. */
export interface Broadcaster {
  /** Announces an update that this node has already stored. */
  publish(docName: string, update: Uint8Array): void;
  /** Receives updates other nodes published for `docName`; returns the unsubscribe function. */
  subscribe(docName: string, onUpdate: (update: Uint8Array) => void): () => void;
}

/** The single-node broadcaster: there is nobody to tell. */
export const singleNodeBroadcaster: Broadcaster = {
  publish() {},
  subscribe() {
    return () => {};
  },
};
