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

/** One document's updates in a multi-document append. */
export interface DocBatch {
  docName: string;
  updates: readonly Uint8Array[];
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
   * Appends several documents' batches (distinct documents, each of at least one update) and resolves with
   * each batch's last sequence number, in order; each batch is numbered as by `append`. SQLite and PostgreSQL
   * store them all in ONE transaction (group commit across documents: a commit, not a row, is what a
   * database's log pays for); the file store writes each document's batch in one write. Rejects as a whole.
   */
  appendMany(batches: readonly DocBatch[]): Promise<number[]>;
  /**
   * Replaces the newest stored updates of `docName` by their merge, numbered like the last of them,
   * atomically with respect to `append` and `load` (a reader sees either every old row or the merged one,
   * never a mix). SQLite and PostgreSQL leave alone older rows much larger than what follows them
   * (`compactionStart`): a 20,000-deal notes document is ~23 MB, and merging it whole every few hundred
   * small updates held the server's event loop for half a second each time. The file store merges all.
   */
  compact(docName: string): Promise<CompactionReport>;
  /** Flushes and releases the store; no call may follow. */
  close(): Promise<void>;
}

/** Refuses what `appendMany` must never be given: an empty batch, or two batches of one document. */
export function assertBatches(batches: readonly DocBatch[]): void {
  const names = new Set<string>();
  for (const { docName, updates } of batches) {
    if (updates.length === 0) throw new Error('[storage] append needs at least one update');
    if (names.has(docName)) throw new Error(`[storage] two batches of ${docName} in one append`);
    names.add(docName);
  }
}

/**
 * How much larger than everything after it an older row must be to be left out of a compaction. With 4, a
 * document's log holds at most about log4(its size / one update's) rows — ~10 for 23 MB — and each byte
 * is merged again only when four times as many have arrived after it (size-tiered, as in a log-structured
 * store), so compacting costs in proportion to what was written, not to the document's size per compaction.
 */
export const COMPACTION_SIZE_FACTOR = 4;

/**
 * The index of the first row a compaction merges, given every row's size in bytes, oldest first: the
 * newest rows, back to (not including) the first older row larger than `COMPACTION_SIZE_FACTOR` times
 * all the rows after it. `sizes.length - 1` or more means there is nothing to merge.
 */
export function compactionStart(sizes: readonly number[]): number {
  let newer = 0;
  for (let i = sizes.length - 1; i >= 0; i--) {
    const size = sizes[i]!;
    if (newer > 0 && size > COMPACTION_SIZE_FACTOR * newer) return i + 1;
    newer += size;
  }
  return 0;
}

/** The rows a compaction merges: sequence numbers `from`..`to`, and how many rows remain after it. */
export interface CompactionRange {
  from: number;
  to: number;
  rowsAfter: number;
}

/**
 * What a store's compaction does, given its rows' sequence numbers and sizes, oldest first (see
 * compactionStart): the range to merge into one row numbered `to`, or null when there is nothing to merge.
 */
export function compactionRange(rows: readonly { seq: number; bytes: number }[]): CompactionRange | null {
  const start = compactionStart(rows.map((row) => row.bytes));
  const first = rows[start];
  const last = rows.at(-1);
  if (start >= rows.length - 1 || first === undefined || last === undefined) return null;
  return { from: first.seq, to: last.seq, rowsAfter: start + 1 };
}
