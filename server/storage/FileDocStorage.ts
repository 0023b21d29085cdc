/**
 * A `DocStorage` in plain files, for runtimes without `node:sqlite` (the desktop app's embedded server may
 * run on such a Node): one append-only log per document (format: updateLog.ts).
 *
 * Durability matches the SQLite store: an append is written to the file (the kernel's page cache) before
 * `append` resolves, so it survives a kill of the process; `fsync: true` also flushes every append to the
 * disk (power loss). Compaction writes the merged update to a new file, flushes it and renames it over the
 * log, so a crash leaves either the old log or the new one. All file calls are synchronous on purpose, like
 * SQLite's: no two operations on one log can interleave, which makes compaction atomic with respect to
 * `append` and `load` without locks.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { assertBatches, type CompactionReport, type DocBatch, type DocStorage, type StoredUpdate } from './DocStorage';
import { replaceFile, syncDirectory } from './replaceFile';
import { encodeFrame, encodeLogHeader, parseLog } from './updateLog';
import { writeFully } from './writeFully';

/** Folder of the logs inside the data directory. */
export const DOCS_FOLDER = 'docs';
const LOG_SUFFIX = '.ylog';
const TEMP_SUFFIX = '.compacting';
/** Open append handles kept at once; the oldest is closed beyond this. */
const MAX_OPEN_LOGS = 64;

/** Options of the file store. */
export interface FileDocStorageOptions {
  /** Flush every append to the disk (survives power loss; slower). Default: survives a process kill. */
  fsync?: boolean;
}

/** `DocStorage` over one log file per document in `{dataDir}/docs`. */
export class FileDocStorage implements DocStorage {
  private readonly dir: string;
  private readonly fsync: boolean;
  /** Append handles by document name, oldest first. */
  private readonly handles = new Map<string, number>();
  /** Sequence number of the last update of each log with an open handle. */
  private readonly lastSeq = new Map<string, number>();
  private closed = false;

  constructor(dataDir: string, options: FileDocStorageOptions = {}) {
    this.dir = join(dataDir, DOCS_FOLDER);
    this.fsync = options.fsync ?? false;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // A crash during compaction leaves its unfinished file; the log it would have replaced is intact.
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(TEMP_SUFFIX)) rmSync(join(this.dir, name), { force: true });
    }
  }

  async load(docName: string, afterSeq = 0): Promise<StoredUpdate[]> {
    this.assertOpen();
    const { updates, baseSeq } = this.read(docName);
    return updates.map((update, i) => ({ seq: baseSeq + i + 1, update })).filter((row) => row.seq > afterSeq);
  }

  async appendMany(batches: readonly DocBatch[]): Promise<number[]> {
    this.assertOpen();
    assertBatches(batches);
    return batches.map(({ docName, updates }) => this.appendOne(docName, updates));
  }

  async append(docName: string, updates: readonly Uint8Array[]): Promise<number> {
    this.assertOpen();
    if (updates.length === 0) throw new Error('[storage] append needs at least one update');
    return this.appendOne(docName, updates);
  }

  /** One document's batch in one write. */
  private appendOne(docName: string, updates: readonly Uint8Array[]): number {
    const fd = this.handle(docName);
    // One write for the batch: a crash can tear only its last frame, which the next open cuts off.
    writeFully(fd, Buffer.concat(updates.map(encodeFrame)));
    if (this.fsync) fdatasyncSync(fd);
    const last = (this.lastSeq.get(docName) ?? 0) + updates.length;
    this.lastSeq.set(docName, last);
    return last;
  }

  async compact(docName: string): Promise<CompactionReport> {
    this.assertOpen();
    const { updates, baseSeq } = this.read(docName);
    if (updates.length <= 1) return { rowsBefore: updates.length, rowsAfter: updates.length };
    const merged = Y.mergeUpdates(updates);
    const path = this.pathOf(docName);
    // The append handle goes first: all file calls are synchronous, so no append can slip in between.
    this.release(docName);
    replaceFile(
      path,
      path + TEMP_SUFFIX,
      Buffer.concat([encodeLogHeader(docName, baseSeq + updates.length - 1), encodeFrame(merged)]),
    );
    return { rowsBefore: updates.length, rowsAfter: 1 };
  }

  /** Flushes every open log to the disk and closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const docName of [...this.handles.keys()]) this.release(docName, true);
  }

  /** The log file of a document: a hash of its name, so any name is a safe, case-insensitive-proof file name. */
  private pathOf(docName: string): string {
    return join(this.dir, createHash('sha256').update(docName).digest('hex').slice(0, 40) + LOG_SUFFIX);
  }

  /** Reads a log, cutting off a torn last frame (a crash mid-append) so later appends follow valid data. */
  private read(docName: string): { updates: Uint8Array[]; baseSeq: number; validLength: number } {
    const path = this.pathOf(docName);
    if (!existsSync(path)) return { updates: [], baseSeq: 0, validLength: 0 };
    const parsed = parseLog(readFileSync(path), docName);
    if (parsed.torn) {
      console.warn(`[storage] ${docName}: dropped an incomplete last write (${path})`);
      this.release(docName);
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, parsed.validLength);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return parsed;
  }

  /** The append handle of a document's log, creating the log (with its header) on first write. */
  private handle(docName: string): number {
    const open = this.handles.get(docName);
    if (open !== undefined) return open;
    const { validLength, updates, baseSeq } = this.read(docName);
    this.lastSeq.set(docName, baseSeq + updates.length);
    const path = this.pathOf(docName);
    const fd = openSync(path, 'a', 0o600);
    if (validLength === 0 && fstatSync(fd).size === 0) {
      writeFully(fd, encodeLogHeader(docName));
      fsyncSync(fd);
      syncDirectory(this.dir);
    }
    this.handles.set(docName, fd);
    if (this.handles.size > MAX_OPEN_LOGS) this.release(this.handles.keys().next().value as string);
    return fd;
  }

  private release(docName: string, flush = false): void {
    const fd = this.handles.get(docName);
    if (fd === undefined) return;
    this.handles.delete(docName);
    this.lastSeq.delete(docName);
    try {
      if (flush && !this.fsync) fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('[storage] the file store is closed');
  }
}
