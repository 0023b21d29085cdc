/**
 * The on-disk format of one document's update log in `FileDocStorage`:
 *
 *   "DUETLOG1" · frame(document name, UTF-8 [· NUL · base sequence number]) · frame(update) · frame(update) · …
 *   frame = u32le payload length · u32le CRC-32 of those 4 bytes · u32le CRC-32 of the payload · payload
 *
 * The i-th update (from 1) has sequence number base + i; the base is written only by compaction (the merged
 * update keeps the number of the last update it replaced), so logs written before it read with base 0.
 * The name frame guards against a file being read for the wrong document. A crash can leave only the last
 * frame incomplete (appends are sequential), so a frame cut short by the end of the file is a torn write and
 * is cut off. The length has its own checksum so that a damaged length in the middle of a log is recognised
 * as damage — not mistaken for a torn tail, which would silently drop every update after it.
 */
import { crc32 } from '@shared/format/crc32';

/** First bytes of every log file. */
export const LOG_MAGIC = Buffer.from('DUETLOG1', 'latin1');

/** Bytes before a frame's payload: its length and the two checksums. */
export const FRAME_HEADER_BYTES = 12;

/** Encodes one frame. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(frame.subarray(0, 4)), 4);
  frame.writeUInt32LE(crc32(payload), 8);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** The bytes a new log file starts with; `baseSeq` is the number before its first update's. */
export function encodeLogHeader(docName: string, baseSeq = 0): Buffer {
  const name = baseSeq === 0 ? docName : `${docName}\0${baseSeq}`;
  return Buffer.concat([LOG_MAGIC, encodeFrame(Buffer.from(name, 'utf8'))]);
}

/** A parsed log. */
export interface ParsedLog {
  updates: Uint8Array[];
  /** Sequence number before the first update's (non-zero after a compaction). */
  baseSeq: number;
  /** Bytes that form the header and complete frames; anything after is a torn tail. */
  validLength: number;
  /** True when bytes after `validLength` were dropped (or the header itself was incomplete). */
  torn: boolean;
}

/** Thrown when a log is damaged somewhere other than its tail, or belongs to another document. */
export class CorruptLogError extends Error {
  override readonly name = 'CorruptLogError';
}

/** What `readFrame` found at an offset. */
export type FrameRead = { payload: Uint8Array } | { torn: true } | { damaged: string };

/** Reads the frame at `offset`: its payload, a torn tail (the file ends inside it), or damage. */
export function readFrame(bytes: Buffer, offset: number): FrameRead {
  if (offset + FRAME_HEADER_BYTES > bytes.length) return { torn: true };
  const length = bytes.readUInt32LE(offset);
  if (crc32(bytes.subarray(offset, offset + 4)) !== bytes.readUInt32LE(offset + 4) || length === 0) {
    // Space the file system allocated before the data landed reads as zeros.
    return onlyZerosFrom(bytes, offset) ? { torn: true } : { damaged: `frame length at byte ${offset}` };
  }
  const start = offset + FRAME_HEADER_BYTES;
  if (start + length > bytes.length) return { torn: true };
  const payload = bytes.subarray(start, start + length);
  if (crc32(payload) === bytes.readUInt32LE(offset + 8)) return { payload };
  // The last frame's payload may not have fully landed; a mismatch anywhere else is damage.
  return start + length === bytes.length ? { torn: true } : { damaged: `frame contents at byte ${offset}` };
}

/** True when every byte from `offset` on is zero. */
function onlyZerosFrom(bytes: Buffer, offset: number): boolean {
  for (let i = offset; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Parses a whole log file; throws `CorruptLogError` on damage that is not a torn tail. */
export function parseLog(bytes: Buffer, docName: string): ParsedLog {
  const headerEnd = LOG_MAGIC.length;
  if (bytes.length < headerEnd || !bytes.subarray(0, headerEnd).equals(LOG_MAGIC)) {
    // A crash while the file was being created leaves a prefix of the header (or nothing).
    if (LOG_MAGIC.subarray(0, Math.min(bytes.length, headerEnd)).equals(bytes.subarray(0, headerEnd))) {
      return { updates: [], baseSeq: 0, validLength: 0, torn: bytes.length > 0 };
    }
    throw new CorruptLogError(`not a Duet update log (for ${docName})`);
  }
  const name = readFrame(bytes, headerEnd);
  if ('torn' in name) return { updates: [], baseSeq: 0, validLength: 0, torn: true };
  if ('damaged' in name) throw new CorruptLogError(`the header of the log of ${docName} is damaged`);
  const [storedName, base = '0'] = Buffer.from(name.payload).toString('utf8').split('\0');
  const baseSeq = Number(base);
  if (!Number.isSafeInteger(baseSeq) || baseSeq < 0) throw new CorruptLogError(`the log of ${docName}: bad base`);
  if (storedName !== docName) throw new CorruptLogError(`the log file for ${docName} belongs to ${storedName}`);
  const updates: Uint8Array[] = [];
  let offset = headerEnd + FRAME_HEADER_BYTES + name.payload.length;
  while (offset < bytes.length) {
    const frame = readFrame(bytes, offset);
    if ('torn' in frame) return { updates, baseSeq, validLength: offset, torn: true };
    if ('damaged' in frame) throw new CorruptLogError(`the log of ${docName} is damaged (${frame.damaged})`);
    // A copy, so callers never hold a view into the file's buffer.
    updates.push(new Uint8Array(frame.payload));
    offset += FRAME_HEADER_BYTES + frame.payload.length;
  }
  return { updates, baseSeq, validLength: offset, torn: false };
}
