/**
 * Where document updates live. The protocol code sees only this interface, so a PostgreSQL store can replace
 * the embedded SQLite one without touching it. Every method is async for that reason, even though SQLite
 * answers synchronously.
 */

/** Result of compacting one document's update log. */
export interface CompactionReport {
  rowsBefore: number;
  rowsAfter: number;
}

/** Durable, append-only log of Yjs updates per document name. */
export interface DocStorage {
  /** Every stored update of `docName`, oldest first; empty for a document never written. */
  load(docName: string): Promise<Uint8Array[]>;
  /**
   * Appends one update. Resolves only once the update is durable (survives a kill of this process):
   * the server relays and acknowledges an update only after this resolves.
   */
  append(docName: string, update: Uint8Array): Promise<void>;
  /**
   * Replaces the stored updates of `docName` by their merge, atomically with respect to `append` and `load`
   * (a reader sees either every old row or the merged one, never a mix and never neither).
   */
  compact(docName: string): Promise<CompactionReport>;
  /** Flushes and releases the store; no call may follow. */
  close(): Promise<void>;
}
