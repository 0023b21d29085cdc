/**
 * Server → client frames, y-websocket's and Duet's extension (see docs/SYNC-PROTOCOL.md).
 */
import * as encoding from 'lib0/encoding';
import { updatePieces } from '@shared/collab/splitUpdate';
import {
  encodeSessionMessage,
  encodeStoredMessage,
  MESSAGE_SYNC_DEFLATED,
  type SessionInfo,
} from '@shared/collab/syncProtocol';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from './messageTypes';

export type { SessionInfo };

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** sync step 1: "here is my state vector, send me what I lack". */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(
    MESSAGE_SYNC,
    (e) => (encoding.writeVarUint(e, SYNC_STEP_1), encoding.writeVarUint8Array(e, stateVector)),
  );
}

/** A y-protocols sync message of sub-type `sync` carrying `update`, framed as message `type`. */
function syncMessage(type: number, sync: number, update: Uint8Array): Uint8Array {
  return frame(type, (e) => (encoding.writeVarUint(e, sync), encoding.writeVarUint8Array(e, update)));
}

/** sync step 2: the updates the peer lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncMessage(MESSAGE_SYNC, SYNC_STEP_2, update);
}

/** A relayed, already stored update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(MESSAGE_SYNC, SYNC_UPDATE, update);
}

/** An awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}

/** Duet 100: the state vector of the stored document after this connection's updates were stored. */
export const encodeStored = encodeStoredMessage;

/** Duet 101: the session facts as JSON. */
export const encodeSession = encodeSessionMessage;

/**
 * The largest piece of a sync reply sent as one frame. A client joining a 20,000-deal notes document asks for
 * 23.5 MB; as one frame its browser spent a 170–260 ms task just taking the message in (before a single
 * struct was applied), and a stock client applied it in one more long task. In pieces of half a megabyte each
 * frame is a short task on the client — the same size the app applies its stored copy in (applyInSlices).
 */
export const SYNC_REPLY_PIECE_BYTES = 1 << 19;

/**
 * The frames of a sync reply made of `pieces` (in order), as messages of `type`: all but the last as sync
 * updates and the last as the sync step 2. Every y-websocket client applies updates as they come and counts
 * itself synced on the step 2, so "synced" still means "has everything the server had" — only once the last
 * piece is in. Lazy: a piece is framed when the next one is known to exist.
 */
function* syncReplyFrames(type: number, pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  let previous: Uint8Array | null = null;
  for (const piece of pieces) {
    if (previous !== null) yield syncMessage(type, SYNC_UPDATE, previous);
    previous = piece;
  }
  if (previous !== null) yield syncMessage(type, SYNC_STEP_2, previous);
}

/**
 * The frames answering a sync step 1 with `updates` (applied in order: what the client lacks): one sync step
 * 2 when it is one small update; otherwise their pieces (shared/collab/splitUpdate.ts) as syncReplyFrames
 * sends them.
 */
export function encodeSyncReply(
  updates: readonly Uint8Array[],
  pieceBytes = SYNC_REPLY_PIECE_BYTES,
): Generator<Uint8Array> {
  return syncReplyFrames(MESSAGE_SYNC, piecesOf(updates, pieceBytes));
}

/** The pieces of `updates`, one update after the other, each split as it is reached (lazily). */
function* piecesOf(updates: readonly Uint8Array[], pieceBytes: number): Generator<Uint8Array> {
  for (const update of updates) yield* updatePieces(update, pieceBytes);
}

/**
 * The same reply made of pieces that are each deflated (FullState.deflatePieces), as Duet's
 * MESSAGE_SYNC_DEFLATED, for clients that read it: the client shows the deals arriving on a slow connection.
 */
export function encodeSyncReplyDeflated(pieces: readonly Uint8Array[]): Generator<Uint8Array> {
  return syncReplyFrames(MESSAGE_SYNC_DEFLATED, pieces);
}
