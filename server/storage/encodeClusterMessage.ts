/**
 * The wire form of a `ClusterMessage` on Redis: binary (updates are binary), versioned by its first byte.
 *   kind (varuint: 1 update, 2 awareness, 3 head) · node (varstring) · fields of the kind
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ClusterMessage } from './Broadcaster';

const UPDATE = 1;
const AWARENESS = 2;
const HEAD = 3;

/** Encodes a message for publishing. */
export function encodeClusterMessage(message: ClusterMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, UPDATE);
    encoding.writeVarString(encoder, message.node);
    encoding.writeVarUint(encoder, message.seq);
    encoding.writeVarUint(encoder, message.count);
    encoding.writeVarUint8Array(encoder, message.update);
  } else if (message.kind === 'awareness') {
    encoding.writeVarUint(encoder, AWARENESS);
    encoding.writeVarString(encoder, message.node);
    encoding.writeVarUint8Array(encoder, message.payload);
  } else {
    encoding.writeVarUint(encoder, HEAD);
    encoding.writeVarString(encoder, message.node);
    encoding.writeVarUint(encoder, message.seq);
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a published message; null for bytes that are not one (another program on the channel). */
export function decodeClusterMessage(bytes: Uint8Array): ClusterMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const node = decoding.readVarString(decoder);
    if (kind === UPDATE) {
      const seq = decoding.readVarUint(decoder);
      const count = decoding.readVarUint(decoder);
      return { kind: 'update', node, seq, count, update: decoding.readVarUint8Array(decoder) };
    }
    if (kind === AWARENESS) return { kind: 'awareness', node, payload: decoding.readVarUint8Array(decoder) };
    if (kind === HEAD) return { kind: 'head', node, seq: decoding.readVarUint(decoder) };
    return null;
  } catch {
    return null;
  }
}
