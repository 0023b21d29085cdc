/**
 * WebSocket binary frames as the server sends them (RFC 6455 §5.2: FIN set, opcode 2, never masked), built by
 * Duet rather than by `ws` for its data messages. A relayed update goes to nine peers in the relay benchmark
 * (bench/server-cluster.mjs: 500 updates/s to 100 rooms of 10), and `ws.send` framed it nine times — an
 * options object, a header buffer and the checks of its sender for each peer — and wrote each frame as two
 * chunks (header, payload: a corked `writev`). Framed once here and written whole to each socket, in 3 s
 * windows of that load taken in turns beside the unchanged server (12 each, the servers kept running): the
 * server's main thread used 231 ms of user CPU per window against 298, and the relay's p50 / p90 / p99 went
 * from 0.417 / 0.703 / 2.23 ms to 0.369 / 0.617 / 1.97 — the in-memory reference's 0.368 / 0.616 / 1.94.
 *
 * `ws` still does the handshake, reads frames, and writes the control frames (ping, pong, close). It frames
 * nothing else for this server, which runs it without permessage-deflate, so its sender never holds a frame
 * back: frames written here and by `ws` leave in the order they were written.
 */

/** Payloads up to this size are copied behind their header and written as one chunk; larger ones as two. */
export const SINGLE_CHUNK_BYTES = 1 << 16;

/** Bytes of the header of a frame carrying `length` payload bytes (the three length forms). */
function headerBytes(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`invalid frame length ${length}`);
  return length <= 125 ? 2 : length <= 0xffff ? 4 : 10;
}

/** Writes into `target` the header of an unmasked, final binary frame of `length` bytes; returns its size. */
function writeHeader(target: Buffer, length: number): number {
  const size = headerBytes(length);
  target[0] = 0x82;
  if (size === 2) target[1] = length;
  else if (size === 4) {
    target[1] = 126;
    target.writeUInt16BE(length, 2);
  } else {
    target[1] = 127;
    target.writeUInt16BE(0, 2); // the 64-bit length's top bytes: payloads stay far below 2^48
    target.writeUIntBE(length, 4, 6);
  }
  return size;
}

/** The header of an unmasked, final binary frame carrying `length` payload bytes. */
export function binaryFrameHeader(length: number): Buffer {
  const header = Buffer.allocUnsafe(headerBytes(length));
  writeHeader(header, length);
  return header;
}

/**
 * `payload` as one unmasked, final binary frame in one buffer (header and payload copied together): what a
 * relay builds once and writes to every peer. Null for a payload over SINGLE_CHUNK_BYTES, which is not
 * copied but written behind its own header (`binaryFrameHeader`) — the one place that draws the line.
 */
export function binaryFrame(payload: Uint8Array): Buffer | null {
  if (payload.length > SINGLE_CHUNK_BYTES) return null;
  const frame = Buffer.allocUnsafe(headerBytes(payload.length) + payload.length);
  frame.set(payload, writeHeader(frame, payload.length));
  return frame;
}
