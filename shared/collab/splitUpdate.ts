/**
 * Splits one Yjs update (format v1) into several smaller ones that, applied in order, give exactly what the
 * whole one gives. Decoding a 20,000-deal notes document (23 MB) is one 600–700 ms task on the main thread
 * — Y.applyUpdate cannot be interrupted — so the app applies the pieces one per task instead and the window
 * keeps painting (docs/ARCHITECTURE.md, "The notes document at scale").
 *
 * The split reads only the update's framing: varints, and the lengths of strings and binaries, which it
 * skips without decoding them, so it costs a small fraction of a decode. Each piece is a valid update of
 * its own: one client's run of structs with its starting clock, and an empty delete set; the last piece
 * carries the whole delete set. Structs keep their order, so every struct's left neighbours arrive before
 * it; a reference to another client's later piece is held by Yjs as pending until that piece is applied.
 */

/** A byte reader over the update (only what splitting needs). */
class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('[collab] update ends early');
    return this.bytes[this.pos++]!;
  }

  /** lib0's varUint. */
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const r = this.byte();
      num += (r & 0x7f) * mult;
      if (r < 0x80) return num;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER) throw new Error('[collab] integer out of range');
    }
  }

  /** An item id: client, clock. */
  skipId(): void {
    this.varUint();
    this.varUint();
  }

  /** lib0's varInt: skipped (its value is never needed here). */
  skipVarInt(): void {
    while (this.byte() >= 0x80);
  }

  skip(length: number): void {
    if (this.pos + length > this.bytes.length) throw new Error('[collab] update ends early');
    this.pos += length;
  }

  /** A varString or varUint8Array: its length, then its bytes (skipped). */
  skipBuffer(): void {
    this.skip(this.varUint());
  }

  /** The UTF-16 length of a varString (what Y.Text counts), without decoding it. */
  stringLength(): number {
    const length = this.varUint();
    const end = this.pos + length;
    if (end > this.bytes.length) throw new Error('[collab] update ends early');
    let units = 0;
    for (let i = this.pos; i < end; i++) {
      const b = this.bytes[i]!;
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1; // a lead byte; four-byte sequences are two units
    }
    this.pos = end;
    return units;
  }

  /** lib0's `any` value (skipped). */
  skipAny(): void {
    const type = this.byte();
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125:
        return this.skipVarInt();
      case 124:
        return this.skip(4);
      case 123:
      case 122:
        return this.skip(8);
      case 119: // string
      case 116: // Uint8Array
        return this.skipBuffer();
      case 118: {
        const length = this.varUint();
        for (let i = 0; i < length; i++) {
          this.skipBuffer();
          this.skipAny();
        }
        return;
      }
      case 117: {
        const length = this.varUint();
        for (let i = 0; i < length; i++) this.skipAny();
        return;
      }
      default:
        throw new Error(`[collab] unknown value type ${type} in update`);
    }
  }
}

/** Reads one struct's item content; returns the struct's length (in clock ticks). */
function skipContent(reader: Reader, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return reader.varUint();
    case 2: {
      // JSON: one string per value
      const length = reader.varUint();
      for (let i = 0; i < length; i++) reader.skipBuffer();
      return length;
    }
    case 3: // binary
    case 5: // embed (JSON text)
      reader.skipBuffer();
      return 1;
    case 4: // string
      return reader.stringLength();
    case 6: // format: key, JSON value
      reader.skipBuffer();
      reader.skipBuffer();
      return 1;
    case 7: {
      // a shared type; XML elements and hooks carry their name
      const typeRef = reader.varUint();
      if (typeRef === 3 || typeRef === 5) reader.skipBuffer();
      return 1;
    }
    case 8: {
      // any: one value per slot
      const length = reader.varUint();
      for (let i = 0; i < length; i++) reader.skipAny();
      return length;
    }
    case 9: // subdocument: guid, options
      reader.skipBuffer();
      reader.skipAny();
      return 1;
    default:
      throw new Error(`[collab] unknown content type ${ref} in update`);
  }
}

/** Reads one struct (GC, Skip or Item); returns its length. */
function skipStruct(reader: Reader): number {
  const info = reader.byte();
  const ref = info & 0x1f;
  if (ref === 0 || ref === 10) return reader.varUint(); // GC, Skip: a length
  if (info & 0x80) reader.skipId(); // origin
  if (info & 0x40) reader.skipId(); // right origin
  if ((info & 0xc0) === 0) {
    // No neighbour to copy the parent from: the parent is a root type's name or an item id.
    if (reader.varUint() === 1) reader.skipBuffer();
    else reader.skipId();
    if (info & 0x20) reader.skipBuffer(); // the map key
  }
  return skipContent(reader, ref);
}

function writeVarUint(out: number[], value: number): void {
  while (value > 0x7f) {
    out.push(0x80 | (value & 0x7f));
    value = Math.floor(value / 128);
  }
  out.push(value);
}

/** A piece: a header for one client's run of structs, the structs' bytes, then a delete set. */
function piece(client: number, clock: number, count: number, structs: Uint8Array, deleteSet: Uint8Array): Uint8Array {
  const head: number[] = [];
  writeVarUint(head, 1);
  writeVarUint(head, count);
  writeVarUint(head, client);
  writeVarUint(head, clock);
  const out = new Uint8Array(head.length + structs.length + deleteSet.length);
  out.set(head, 0);
  out.set(structs, head.length);
  out.set(deleteSet, head.length + structs.length);
  return out;
}

const EMPTY_DELETE_SET = new Uint8Array([0]);

/**
 * The pieces of `update`, about `maxBytes` each (a single struct larger than that is a piece of its own), in
 * application order, produced as they are asked for: the framing of a 23 MB update takes ~50 ms to walk,
 * which a caller applying a piece per task would otherwise pay in one task. An update at most `maxBytes`
 * long comes back as it is. Throws when the bytes are not a v1 update (like Y.applyUpdate would).
 */
export function* updatePieces(update: Uint8Array, maxBytes: number): Generator<Uint8Array, void, undefined> {
  if (update.length <= maxBytes) return yield update;
  const reader = new Reader(update);
  type Run = { client: number; clock: number; count: number; start: number; end: number };
  const bytesOf = (run: Run, deleteSet: Uint8Array): Uint8Array =>
    piece(run.client, run.clock, run.count, update.subarray(run.start, run.end), deleteSet);
  // Each run is handed out once the next one is read: only the last piece carries the delete set.
  let previous: Run | null = null;
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    let remaining = reader.varUint();
    const client = reader.varUint();
    let clock = reader.varUint();
    while (remaining > 0) {
      const start = reader.pos;
      const runClock = clock;
      let count = 0;
      while (remaining > 0 && (count === 0 || reader.pos - start < maxBytes)) {
        clock += skipStruct(reader);
        count++;
        remaining--;
      }
      if (previous) yield bytesOf(previous, EMPTY_DELETE_SET);
      previous = { client, clock: runClock, count, start, end: reader.pos };
    }
  }
  if (previous) yield bytesOf(previous, update.subarray(reader.pos));
  else yield update;
}

/** Every piece of `update` at once (see updatePieces). */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  return [...updatePieces(update, maxBytes)];
}
