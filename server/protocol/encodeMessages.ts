/**
 * Server → client frames, y-websocket's and Duet's extension (see docs/SYNC-PROTOCOL.md).
 */
import * as encoding from 'lib0/encoding';
import { encodeSessionMessage, encodeStoredMessage, type SessionInfo } from '@shared/collab/syncProtocol';
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

/** sync step 2: the updates the peer lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_STEP_2), encoding.writeVarUint8Array(e, update)));
}

/** A relayed, already stored update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_UPDATE), encoding.writeVarUint8Array(e, update)));
}

/** An awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}

/** Duet 100: the state vector of the stored document after this connection's updates were stored. */
export const encodeStored = encodeStoredMessage;

/** Duet 101: the session facts as JSON. */
export const encodeSession = encodeSessionMessage;
