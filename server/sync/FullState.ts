/**
 * A document's whole state as one encoded update, kept between changes: what the server sends a client that
 * joins with nothing (an empty state vector). Encoding a 20,000-deal notes document (23.5 MB) costs the
 * server about as much as decoding it — measured ~1 s in Node on the 2-core machine — and every new client
 * asked for exactly the same bytes. A document loaded from its stored rows starts with those rows: applied
 * in order they give this very state, so even the first joiner after a load is answered without encoding
 * (compaction leaves a large document as a few rows, DocStorage.compactionStart; they are sent one after
 * the other).
 *
 * Any change drops the copy (the next joiner pays one encode, the ones after it do not). Memory: one more
 * copy of the encoded document while it is loaded, released as soon as it changes.
 */
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import * as Y from 'yjs';
import { updatePieces } from '@shared/collab/splitUpdate';
import { SYNC_REPLY_PIECE_BYTES } from '../protocol/encodeMessages';

/** zlib's fastest level: 23.5 MB of a deal log shrinks 7× in ~40 ms (level 6: 9×, 2.5 times as long). */
const DEFLATE_LEVEL = 1;
const deflateAsync = promisify(deflateRaw);

/** `bytes` raw-deflated (RFC 1951), compressed on libuv's thread pool (the event loop keeps relaying). */
async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await deflateAsync(bytes, { level: DEFLATE_LEVEL });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * What a client lacks, as updates it applies in order (the stored rows of a freshly loaded document, else
 * one update).
 */
export type SyncDiff = readonly Uint8Array[];

/** The bytes of a diff. */
export function diffBytes(diff: SyncDiff): number {
  let bytes = 0;
  for (const update of diff) bytes += update.byteLength;
  return bytes;
}

/** The encoded whole state of `doc`, computed at most once between two changes. */
export class FullState {
  private encoded: SyncDiff | null;
  /** The whole state's pieces deflated, for joiners that read them (started by the first who asks after a change). */
  private compressed: Promise<Uint8Array[]> | null = null;
  /** The document's state vector, and the reply to a client that has all of it (only the deletions). */
  private vector: Uint8Array | null = null;
  private caughtUp: Uint8Array | null = null;

  /** `stored`: updates known to give exactly `doc`'s state applied in order (its stored rows), or null. */
  constructor(
    private readonly doc: Y.Doc,
    stored: SyncDiff | null,
  ) {
    this.encoded = stored;
  }

  /** The document changed: the copy no longer describes it. */
  invalidate(): void {
    this.encoded = null;
    this.compressed = null;
    this.vector = null;
    this.caughtUp = null;
  }

  /**
   * What a client whose state vector is `stateVector` lacks: the cached whole state when it has nothing; the
   * cached deletions when it has everything (a reload, a reconnect, every client of a node that restarted);
   * else computed for it. The deletions are the same bytes for every such client, but computing them walks
   * every item of the document — about 6 ms in Node for a 20,000-deal log, per client, without the copy.
   */
  diff(stateVector: Uint8Array): SyncDiff {
    if (isEmptyStateVector(stateVector)) return (this.encoded ??= [Y.encodeStateAsUpdate(this.doc)]);
    // Yjs writes a state vector's entries in one order (by client id), so equal vectors are equal bytes.
    this.vector ??= Y.encodeStateVector(this.doc);
    if (!sameBytes(stateVector, this.vector)) return [Y.encodeStateAsUpdate(this.doc, stateVector)];
    return [(this.caughtUp ??= Y.encodeStateAsUpdate(this.doc, this.vector))];
  }

  /**
   * `diff` (an answer of `diff()`) in the pieces a sync reply is sent in (encodeSyncReply), each deflated: kept
   * while it is the whole state, else compressed for this one reply.
   */
  deflatePieces(diff: SyncDiff): Promise<Uint8Array[]> {
    const compress = (): Promise<Uint8Array[]> =>
      Promise.all(diff.flatMap((update) => [...updatePieces(update, SYNC_REPLY_PIECE_BYTES)]).map(deflated));
    if (diff !== this.encoded) return compress();
    if (this.compressed === null) {
      const compressing = compress();
      this.compressed = compressing;
      // A failure is not kept: the next joiner tries again (this one gets the reply as it is).
      compressing.catch(() => {
        if (this.compressed === compressing) this.compressed = null;
      });
    }
    return this.compressed;
  }
}

/** True for a state vector that names no client (lib0 varUint 0: one byte, or a malformed longer zero). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
