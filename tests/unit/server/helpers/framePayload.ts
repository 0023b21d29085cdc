/**
 * The payload of a frame the server built for many peers (server/protocol/binaryFrame.ts), for fake peers
 * that check what a document sent them: an unmasked, final binary frame, as RFC 6455 §5.2 lays it out.
 */
export function framePayload(frame: Buffer): Uint8Array {
  if (frame[0] !== 0x82) throw new Error(`not a final binary frame: first byte ${frame[0]}`);
  const short = frame[1]! & 0x7f;
  if (frame[1]! & 0x80) throw new Error('a server frame is never masked');
  const [start, length] =
    short === 127 ? [10, frame.readUIntBE(4, 6)] : short === 126 ? [4, frame.readUInt16BE(2)] : [2, short];
  if (frame.length !== start + length) throw new Error(`frame of ${frame.length} bytes for a ${length}-byte payload`);
  return frame.subarray(start);
}
