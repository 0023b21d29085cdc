/** CRC-32 (IEEE 802.3), used to detect corrupt or truncated workspace files. Pure, so both sides can check. */

// Built on first use, not when the module loads: the workspace file's module is on the first screen, and the
// table's 2,048 steps ran in every start (~1 ms in a trace of the open) for an export nobody had asked for.
let TABLE: Uint32Array | null = null;

function table(): Uint32Array {
  if (TABLE !== null) return TABLE;
  TABLE = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    TABLE[n] = c >>> 0;
  }
  return TABLE;
}

/** CRC-32 of `bytes` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  const lookup = table();
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = lookup[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
