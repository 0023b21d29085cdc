/**
 * Unsigned numbers as LEB128 varints (7 bits a byte, high bit "more follows"): the stored postings are
 * mostly small numbers — slot gaps and field counts — that take one or two bytes instead of four.
 */

/** A growing byte buffer that numbers are appended to. */
export class VarintWriter {
  private bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Appends `value` (0 ≤ value < 2^32). */
  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  /** The bytes written, in an array of their own. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Reads the (gap, value) pairs of `bytes[from..to)` back as (slot, value) pairs: each gap is added to the
 * slot before it.
 */
export function readSlotPairs(bytes: Uint8Array, from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from); // every number takes at least one byte
  let used = 0;
  let slot = 0;
  let at = from;
  let second = false;
  while (at < to) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80 && at < to);
    if (second) out[used++] = value;
    else out[used++] = slot += value;
    second = !second;
  }
  return out.slice(0, used);
}
