/**
 * A document's whole state as updates a client applies in order: what the server sends a client that joins
 * with nothing (an empty state vector). Encoding a 20,000-deal notes document (23.5 MB) costs the server
 * about as much as decoding it — measured ~1 s in Node on the 2-core machine — and every new client asked
 * for exactly the same bytes. So the state is kept as a base — the stored rows the document was loaded from
 * (compaction leaves a large document as a few rows, DocStorage.compactionStart), else one encode made for
 * the first joiner — and a tail: every update since, merged a thousand at a time (or when a joiner asks).
 * A change therefore costs the next joiner a merge of at most a thousand small updates, never a whole
 * encode.
 *
 * Memory: the base and the tail while the document is loaded (the base is the rows it was loaded from, or
 * one more copy of the encoded document once a client with nothing joined). Once the tail outweighs the
 * base, both are dropped and the next such joiner pays one encode: never more than twice the document.
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

/** Updates of the tail merged into one chunk: a few milliseconds of merging small updates. */
const UPDATES_PER_CHUNK = 1_000;

/** The whole state of `doc` as a base and the updates since, merged at most once between two changes. */
export class FullState {
  /** Updates giving the document as it was at some point (stored rows, or one encode), or null: none yet. */
  private base: SyncDiff | null;
  /** Every update of the document since `base`: merged chunks, then the updates not merged yet. */
  private chunks: Uint8Array[] = [];
  private recent: Uint8Array[] = [];
  private baseBytes = 0;
  private tailBytes = 0;
  /** `base` and the merged tail, as last handed out (the same array until the next change). */
  private whole: SyncDiff | null = null;
  /** The base's pieces deflated, kept while the document is loaded (the base never changes). */
  private baseCompressed: Promise<Uint8Array[]> | null = null;
  /** The document's state vector, and the reply to a client that has all of it (only the deletions). */
  private vector: Uint8Array | null = null;
  private caughtUp: Uint8Array | null = null;

  /** `stored`: updates known to give exactly `doc`'s state applied in order (its stored rows), or null. */
  constructor(
    private readonly doc: Y.Doc,
    stored: SyncDiff | null,
  ) {
    this.base = stored;
    this.baseBytes = stored === null ? 0 : diffBytes(stored);
  }

  /** The document changed by `update`: kept for the next joiner with nothing; the other replies are dropped. */
  changed(update: Uint8Array): void {
    if (this.base !== null) this.keep(update);
    this.whole = null;
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
    if (isEmptyStateVector(stateVector)) return (this.whole ??= this.wholeState());
    // Yjs writes a state vector's entries in one order (by client id), so equal vectors are equal bytes.
    this.vector ??= Y.encodeStateVector(this.doc);
    if (!sameBytes(stateVector, this.vector)) return [Y.encodeStateAsUpdate(this.doc, stateVector)];
    return [(this.caughtUp ??= Y.encodeStateAsUpdate(this.doc, this.vector))];
  }

  private keep(update: Uint8Array): void {
    this.recent.push(update);
    this.tailBytes += update.byteLength;
    if (this.tailBytes > this.baseBytes) {
      this.base = null;
      this.baseCompressed = null;
      this.chunks = [];
      this.recent = [];
      this.tailBytes = 0;
    } else if (this.recent.length >= UPDATES_PER_CHUNK) this.mergeRecent();
  }

  private mergeRecent(): void {
    if (this.recent.length > 0)
      this.chunks.push(this.recent.length === 1 ? this.recent[0]! : Y.mergeUpdates(this.recent));
    this.recent = [];
  }

  private wholeState(): SyncDiff {
    // Without a base nothing is kept (see changed): the tail is empty, and the encode holds every change.
    if (this.base === null) {
      this.base = [Y.encodeStateAsUpdate(this.doc)];
      this.baseBytes = this.base[0]!.byteLength;
    }
    this.mergeRecent();
    return [...this.base, ...this.chunks];
  }

  /**
   * `diff` (an answer of `diff()`) in the pieces a sync reply is sent in (encodeSyncReply), each deflated: the
   * base's pieces compressed once while the document is loaded, the rest for this one reply.
   */
  deflatePieces(diff: SyncDiff): Promise<Uint8Array[]> {
    const compress = (updates: SyncDiff): Promise<Uint8Array[]> =>
      Promise.all(updates.flatMap((update) => [...updatePieces(update, SYNC_REPLY_PIECE_BYTES)]).map(deflated));
    const base = this.base;
    if (diff !== this.whole || base === null) return compress(diff);
    if (this.baseCompressed === null) {
      const compressing = compress(base);
      this.baseCompressed = compressing;
      // A failure is not kept: the next joiner tries again (this one gets the reply as it is).
      compressing.catch(() => {
        if (this.baseCompressed === compressing) this.baseCompressed = null;
      });
    }
    return Promise.all([this.baseCompressed, compress(diff.slice(base.length))]).then(([head, rest]) => [
      ...head,
      ...rest,
    ]);
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
