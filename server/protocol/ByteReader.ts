/**
 * A strict cursor over untrusted bytes. Unlike lib0's decoder it never reads past the end (lib0 returns
 * `undefined` for a missing byte, which turned truncated input into endless loops in yjs #479 and #498) and it
 * refuses integers beyond 2^53, so every count it returns can be checked against the bytes that remain.
 */

/**
 * One decoder for every string read: constructing a TextDecoder per string was ~2–3 µs of each relayed
 * update's validation (the server run with --cpu-prof at 500 updates/s). Fatal, as lib0's is.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown for any input the reader refuses; callers turn it into a `Result` at their boundary. */
export class MalformedInputError extends Error {
  override name = 'MalformedInputError';
}

/** A bounded, throwing reader of lib0-encoded values (varuint, varint, strings, byte arrays). */
export class ByteReader {
  pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Bytes not yet read. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Fails unless `count` more bytes exist. */
  need(count: number): void {
    if (!Number.isSafeInteger(count) || count < 0 || count > this.remaining) {
      throw new MalformedInputError(`needs ${count} bytes, ${this.remaining} left`);
    }
  }

  /** One byte. */
  uint8(): number {
    this.need(1);
    return this.bytes[this.pos++] as number;
  }

  /** An unsigned LEB128 integer of at most 8 bytes, at most 2^53 - 1. */
  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.uint8();
      value += (byte & 0x7f) * multiplier;
      if (value > Number.MAX_SAFE_INTEGER) throw new MalformedInputError('integer out of range');
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
    throw new MalformedInputError('varuint longer than 8 bytes');
  }

  /** lib0's signed varint (sign in bit 6 of the first byte). */
  varInt(): number {
    const first = this.uint8();
    let value = first & 0x3f;
    let multiplier = 64;
    let byte = first;
    for (let i = 1; byte >= 0x80; i++) {
      if (i >= 8) throw new MalformedInputError('varint longer than 8 bytes');
      byte = this.uint8();
      value += (byte & 0x7f) * multiplier;
      multiplier *= 128;
      if (value > Number.MAX_SAFE_INTEGER) throw new MalformedInputError('integer out of range');
    }
    return (first & 0x40) === 0 ? value : -value;
  }

  /** A count of items each taking at least `minBytes` bytes: it cannot exceed what remains. */
  count(minBytes = 1): number {
    const value = this.varUint();
    if (value * minBytes > this.remaining) throw new MalformedInputError(`count ${value} exceeds input`);
    return value;
  }

  /** A length-prefixed byte array (a view, not a copy). */
  varBytes(): Uint8Array {
    const length = this.varUint();
    this.need(length);
    const view = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  /** A length-prefixed UTF-8 string; bytes that are not UTF-8 are refused (Yjs's own decoder throws on them). */
  varString(): string {
    const bytes = this.varBytes();
    try {
      return UTF8.decode(bytes);
    } catch (error) {
      throw new MalformedInputError(`a string of ${bytes.length} bytes is not UTF-8`, { cause: error });
    }
  }

  /** Skips `count` raw bytes. */
  skip(count: number): void {
    this.need(count);
    this.pos += count;
  }

  /** Fails if anything is left: a well-formed message has no trailing bytes. */
  end(): void {
    if (this.remaining !== 0) throw new MalformedInputError(`${this.remaining} trailing bytes`);
  }
}
