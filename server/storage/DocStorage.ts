/**
 * Where document updates live. The protocol code sees only this interface, so PostgreSQL (a cluster), the
 * embedded SQLite store and the plain-file fallback are interchangeable. Every method is async because a
 * database over the network cannot answer synchronously.
 *
 * Every stored update carries a per-document sequence number, assigned in the same transaction that stores
 * it: 1, 2, 3, … with no holes. A node that sees a hole in the numbers it heard of knows it missed an update
 * and reads it back with `load(doc, afterSeq)`. Compaction merges rows 1..S into one row numbered S, so
 * numbers never go backwards and a reader behind S gets the merged row (Yjs ignores what it already has).
 */

/** One stored update and its sequence number. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** Result of compacting one document's update log. */
export interface CompactionReport {
  rowsBefore: number;
  rowsAfter: number;
}

/** Durable, append-only log of Yjs updates per document name. */
export interface DocStorage {
  /** Stored updates of `docName` numbered above `afterSeq` (default 0: all), oldest first. */
  load(docName: string, afterSeq?: number): Promise<StoredUpdate[]>;
  /**
   * Appends `updates` (at least one) in ONE transaction and resolves with the sequence number of the last;
   * they are numbered `last - updates.length + 1 … last`. Resolves only once they are durable (survive a
   * kill of this process): the server relays and acknowledges an update only after this resolves.
   */
  append(docName: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces the stored updates of `docName` by their merge, numbered like the last of them, atomically with
   * respect to `append` and `load` (a reader sees either every old row or the merged one, never a mix).
   */
  compact(docName: string): Promise<CompactionReport>;
  /** Flushes and releases the store; no call may follow. */
  close(): Promise<void>;
}
