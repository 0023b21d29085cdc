/**
 * Raw deflate through the web-standard CompressionStream, which the browser, Electron's renderer and Node ≥ 22
 * all provide — no library, and the work runs in native code. Used by the versions' stored content and by the
 * app for the server's deflated sync replies (renderer/collab/sliceLargeSyncReplies.ts).
 */

// The few stream members used here; shared/ has no DOM lib, so they are declared for this module only.
interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface TransformPair {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): ByteWriter };
}
declare const CompressionStream: new (format: 'deflate-raw') => TransformPair;
declare const DecompressionStream: new (format: 'deflate-raw') => TransformPair;

async function pipe(stream: TransformPair, input: Uint8Array, maxOutput: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Written while reading: a stream's queue is bounded, so writing everything first could wait forever.
  const writing = writer.write(input).then(() => writer.close());
  writing.catch(() => {}); // the failure is reported by the reader below; this only avoids an unhandled rejection
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    size += value.length;
    if (size > maxOutput) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Deflates bytes (raw deflate, no header). */
export async function deflateBytes(input: Uint8Array): Promise<Uint8Array> {
  const out = await pipe(new CompressionStream('deflate-raw'), input, Number.MAX_SAFE_INTEGER);
  if (out === null) throw new Error('[deflate] deflate produced no output');
  return out;
}

/** Inflates bytes; null when the output would exceed `maxOutput` (a decompression bomb). Throws on corrupt input. */
export function inflateBytes(input: Uint8Array, maxOutput: number): Promise<Uint8Array | null> {
  return pipe(new DecompressionStream('deflate-raw'), input, maxOutput);
}
