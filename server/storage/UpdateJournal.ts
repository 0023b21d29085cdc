/**
 * An append journal in front of the SQLite store, for the process that serves a data folder: each group of
 * updates is written to a journal in ONE `write` before it is relayed, and moved into the database in bulk
 * a little later (JournaledUpdates, which keeps two of them). A SQLite commit of one small update wrote two 4 KB pages and
 * their headers to the WAL (4–5 `pwrite`s, ~55 µs of the event loop measured on the 2-core machine): the
 * largest part of what the server did per relayed update beyond an in-memory server (profiled in
 * bench/server-cluster.mjs's relay); a journal group is one `write` of the updates' own bytes (~17 µs), and
 * the bulk move costs ~4.5 µs a row. Relay p50 and CPU went down with it, p99 did not (docs/DEPLOYING.md). Durability is the SQLite store's: once `append` returns, the group is in
 * the kernel's page cache and survives a kill of the process; with `fsync` it is also on the disk.
 *
 * Format: "DUETJRN1" · frame · frame · … (frames as in updateLog.ts: length, two CRC-32s, payload), one
 * frame per group, so a group is kept or dropped whole, like a transaction. A frame's payload:
 *   u32le entry count · per entry: u32le name length · name (UTF-8) · u48le sequence number ·
 *   u32le update length · update
 * A crash can leave only the last frame incomplete: that group was never acknowledged, and is dropped.
 */
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import { crc32 } from '@shared/format/crc32';
import { CorruptLogError, FRAME_HEADER_BYTES, readFrame } from './updateLog';
import { writeFully } from './writeFully';

/** The journal's file name in the data folder; the second journal (JournaledUpdates) is `duet.journal-2`. */
export const JOURNAL_FILE = 'duet.journal';

/** The two journal files of a serving store whose first journal is `path`, written in turns. */
export function journalPair(path: string): readonly [string, string] {
  return [path, `${path}-2`];
}

/** First bytes of the journal. */
const JOURNAL_MAGIC = Buffer.from('DUETJRN1', 'latin1');

/** One update in the journal. */
export interface JournalEntry {
  docName: string;
  seq: number;
  update: Uint8Array;
}

/**
 * Encodes one group of entries as one frame, built in place (one allocation, no copy): this runs for every
 * group the server stores, i.e. for every update typed at a human pace.
 */
function encodeGroupFrame(entries: readonly JournalEntry[]): Buffer {
  let size = 4;
  for (const entry of entries) size += 4 + Buffer.byteLength(entry.docName, 'utf8') + 6 + 4 + entry.update.length;
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + size);
  let at = frame.writeUInt32LE(entries.length, FRAME_HEADER_BYTES);
  for (const entry of entries) {
    const nameLength = frame.write(entry.docName, at + 4, 'utf8');
    at = frame.writeUInt32LE(nameLength, at) + nameLength;
    at = frame.writeUIntLE(entry.seq, at, 6);
    at = frame.writeUInt32LE(entry.update.length, at);
    frame.set(entry.update, at);
    at += entry.update.length;
  }
  frame.writeUInt32LE(size, 0);
  frame.writeUInt32LE(crc32(frame.subarray(0, 4)), 4);
  frame.writeUInt32LE(crc32(frame.subarray(FRAME_HEADER_BYTES)), 8);
  return frame;
}

/** Decodes a frame's payload; a frame whose checksums matched but whose payload does not parse is damage. */
function decodeGroup(payload: Buffer, offset: number): JournalEntry[] {
  const entries: JournalEntry[] = [];
  try {
    const count = payload.readUInt32LE(0);
    let at = 4;
    for (let i = 0; i < count; i++) {
      const nameLength = payload.readUInt32LE(at);
      const docName = payload.toString('utf8', at + 4, at + 4 + nameLength);
      at += 4 + nameLength;
      const seq = payload.readUIntLE(at, 6);
      const length = payload.readUInt32LE(at + 6);
      at += 10;
      if (at + length > payload.length) throw new RangeError('update past the end of its group');
      // A copy, so callers never hold a view into the file's buffer.
      entries.push({ docName, seq, update: new Uint8Array(payload.subarray(at, at + length)) });
      at += length;
    }
    if (at !== payload.length) throw new RangeError('bytes after the last update of a group');
  } catch (error) {
    throw new CorruptLogError(`the journal is damaged (group at byte ${offset}: ${(error as Error).message})`);
  }
  return entries;
}

/**
 * Every complete group in the journal at `path` (none when it does not exist), oldest first. A torn last
 * group is left out; damage anywhere else throws `CorruptLogError` rather than drop what follows it.
 */
export function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const bytes = readFileSync(path);
  const magic = JOURNAL_MAGIC.length;
  if (bytes.length < magic) {
    // Created but its first bytes never landed.
    if (JOURNAL_MAGIC.subarray(0, bytes.length).equals(bytes)) return [];
    throw new CorruptLogError(`${path} is not a Duet journal`);
  }
  if (!bytes.subarray(0, magic).equals(JOURNAL_MAGIC)) throw new CorruptLogError(`${path} is not a Duet journal`);
  const entries: JournalEntry[] = [];
  for (let offset = magic; offset < bytes.length;) {
    const frame = readFrame(bytes, offset);
    if ('torn' in frame) break;
    if ('damaged' in frame) throw new CorruptLogError(`the journal is damaged (${frame.damaged})`);
    entries.push(...decodeGroup(Buffer.from(frame.payload), offset));
    offset += FRAME_HEADER_BYTES + frame.payload.length;
  }
  return entries;
}

/** The open journal of the serving process: appends groups, and is emptied once they are in the database. */
export class UpdateJournal {
  private fd: number | null;
  /** Where the next group goes: writes are positioned, so a group cut short is overwritten, never followed. */
  private end: number;

  /**
   * Opens `path` emptied: whatever it held must have been moved into the database first. With `fsync`,
   * every group is flushed to the disk before `append` returns (survives power loss).
   */
  constructor(
    private readonly path: string,
    private readonly fsync = false,
  ) {
    this.fd = openSync(path, 'w', 0o600);
    this.end = writeFully(this.fd, JOURNAL_MAGIC, 0);
  }

  /** Writes one group in one `write` call; throws (the group is not stored) if the file cannot take it. */
  append(entries: readonly JournalEntry[]): void {
    const fd = this.openFd();
    // A reset that emptied the file but could not write its first bytes left it without them.
    if (this.end === 0) this.end = writeFully(fd, JOURNAL_MAGIC, 0);
    try {
      const end = writeFully(fd, encodeGroupFrame(entries), this.end);
      if (this.fsync) fdatasyncSync(fd);
      this.end = end;
    } catch (error) {
      // A part of the group may have landed (a full disk): cut it off, so the journal stays readable.
      try {
        ftruncateSync(fd, this.end);
      } catch (cleanup) {
        throw new AggregateError([error, cleanup], `[storage] the journal ${this.path} could not be written`, {
          cause: cleanup,
        });
      }
      throw error;
    }
  }

  /** Empties the journal (every group in it is now in the database). */
  reset(): void {
    const fd = this.openFd();
    ftruncateSync(fd, 0);
    this.end = 0;
    this.end = writeFully(fd, JOURNAL_MAGIC, 0);
  }

  /** Closes the file; it is left as it is. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error(`[storage] the journal ${this.path} is closed`);
    return this.fd;
  }
}
