/**
 * Inflates bytes in the deflate format (RFC 1950) with the platform's DecompressionStream — the browser's and
 * Electron's, and Node's in tests — never holding more than `maxBytes` of output: a damaged or hostile frame
 * cannot make the client allocate without bound.
 */

/** The inflated bytes; rejects when they are not valid deflate data or would exceed `maxBytes`. */
export async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  // A frame's bytes live in an ArrayBuffer (never shared memory), which is what Blob asks of its parts.
  const part = bytes as Uint8Array<ArrayBuffer>;
  const stream = new Blob([part]).stream().pipeThrough(new DecompressionStream('deflate'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`[sync] inflated data exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
