/**
 * Where a device keeps its Yjs documents. The renderer owns the documents; a store only keeps update bytes,
 * so the same interface fits IndexedDB (desktop and browser alike) and an in-memory store for tests.
 */
import type { Result } from '@shared/result';

/** A document's stored state, merged into one update. */
export interface LoadedDoc {
  /** Null when nothing is stored for this document yet. */
  update: Uint8Array | null;
  /** Number of stored entries that were merged (compaction uses it). */
  entries: number;
  /**
   * With `merge: false`: the stored entries as they are, oldest first, and `update` is null. Applying them
   * in order gives what their merge gives, without a merge's full decode in one task.
   */
  parts?: readonly Uint8Array[];
}

/** How `load` reads a document (see DocStore.load). */
export interface LoadOptions {
  validate?: boolean;
  merge?: boolean;
}

/** Raw, unreadable bytes that were set aside instead of being overwritten. */
export interface QuarantinedDoc {
  docName: string;
  reason: string;
  at: number;
  bytes: Uint8Array[];
}

/** Persistent storage of document updates. */
export interface DocStore {
  /**
   * Reads and validates everything stored for `docName`; `corrupt` when any stored entry cannot be read.
   * With `validate: false` the entries are only merged, and the caller must check the result as it applies
   * it (an open playbook does, to decode a large document once instead of twice). With `validate: false,
   * merge: false` nothing is decoded at all: the entries come back as `parts`, for a caller that applies
   * them in slices (a large notes document).
   */
  load(docName: string, options?: LoadOptions): Promise<Result<LoadedDoc>>;
  /** Appends one update (already merged by the caller if it batched several). */
  append(docName: string, update: Uint8Array): Promise<void>;
  /**
   * Replaces the stored entries of `docName` with their merge, in one atomic step: merged in groups of about
   * a megabyte (shared/collab/mergeInGroups.ts), an entry larger than that kept as it is.
   */
  compact(docName: string): Promise<void>;
  /** Moves the raw entries of `docName` aside (never deleting them) so the document can start over. */
  setAside(docName: string, reason: string): Promise<void>;
  /** Names of stored documents starting with `prefix` (e.g. "acme/"). */
  listDocs(prefix: string): Promise<string[]>;
  /** Everything ever set aside, for support and recovery. */
  listQuarantine(): Promise<QuarantinedDoc[]>;
}
