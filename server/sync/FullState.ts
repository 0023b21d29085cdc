/**
 * A document's whole state as one encoded update, kept between changes: what the server sends a client that
 * joins with nothing (an empty state vector). Encoding a 20,000-deal notes document (23.5 MB) costs the
 * server about as much as decoding it — measured ~1 s in Node on the 2-core machine — and every new client
 * asked for exactly the same bytes. A document loaded from one compacted row starts with that row: applied,
 * it gives this very state, so even the first joiner after a load is answered without encoding.
 *
 * Any change drops the copy (the next joiner pays one encode, the ones after it do not). Memory: one more
 * copy of the encoded document while it is loaded, released as soon as it changes.
 */
import * as Y from 'yjs';

/** The encoded whole state of `doc`, computed at most once between two changes. */
export class FullState {
  private encoded: Uint8Array | null;

  /** `stored`: an update known to give exactly `doc`'s state (its only stored row), or null. */
  constructor(
    private readonly doc: Y.Doc,
    stored: Uint8Array | null,
  ) {
    this.encoded = stored;
  }

  /** The document changed: the copy no longer describes it. */
  invalidate(): void {
    this.encoded = null;
  }

  /** What a client whose state vector is `stateVector` lacks: the cached whole state when it has nothing. */
  diff(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.encoded ??= Y.encodeStateAsUpdate(this.doc);
    return this.encoded;
  }
}

/** True for a state vector that names no client (lib0 varUint 0: one byte, or a malformed longer zero). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
