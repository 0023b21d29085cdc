/**
 * Structural validation of a Yjs V1 update before any Yjs code decodes it. Walks the same layout as
 * `readClientsStructRefs` and `readDeleteSet` in yjs 13.6, but with every count checked against the bytes
 * that remain, every integer bounded and nesting limited, so the payloads of yjs #479, #498 and #687
 * (truncated varints, empty input, run lengths far beyond the input) are refused in time linear in the input.
 */
import { fail, ok, type Result } from '@shared/result';
import { ByteReader, MalformedInputError } from './ByteReader';

/** Clocks and lengths beyond this are not produced by any real editing session and only serve to exhaust. */
const MAX_CLOCK = 2 ** 40;
/** lib0 `any` values nest; a deep nesting only serves to exhaust the stack. */
const MAX_ANY_DEPTH = 32;
/** Y type refs 0..6 (YArray, YMap, YText, YXmlElement, YXmlFragment, YXmlHook, YXmlText). */
const MAX_TYPE_REF = 6;

/** What a valid update contains, for metrics and limits. */
export interface UpdateShape {
  structs: number;
  deleteRanges: number;
}

function clockOrLength(reader: ByteReader): number {
  const value = reader.varUint();
  if (value > MAX_CLOCK) throw new MalformedInputError(`clock or length ${value} out of range`);
  return value;
}

function json(reader: ByteReader): void {
  const text = reader.varString();
  if (text === 'undefined') return; // ContentJSON encodes undefined this way
  try {
    JSON.parse(text);
  } catch (error) {
    throw new MalformedInputError(`invalid JSON: ${(error as Error).message}`);
  }
}

function any(reader: ByteReader, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new MalformedInputError('value nested too deeply');
  const tag = reader.uint8();
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      reader.varInt();
      return;
    case 124:
      reader.skip(4);
      return;
    case 123:
    case 122:
      reader.skip(8);
      return;
    case 119:
      reader.varString();
      return;
    case 118: {
      const keys = reader.count(2);
      for (let i = 0; i < keys; i++) {
        reader.varString();
        any(reader, depth + 1);
      }
      return;
    }
    case 117: {
      const items = reader.count(1);
      for (let i = 0; i < items; i++) any(reader, depth + 1);
      return;
    }
    case 116:
      reader.varBytes();
      return;
    default:
      throw new MalformedInputError(`unknown value tag ${tag}`);
  }
}

function content(reader: ByteReader, ref: number): void {
  switch (ref) {
    case 1: // ContentDeleted
      clockOrLength(reader);
      return;
    case 2: {
      const items = reader.count(1); // ContentJSON
      for (let i = 0; i < items; i++) json(reader);
      return;
    }
    case 3: // ContentBinary
      reader.varBytes();
      return;
    case 4: // ContentString
      reader.varString();
      return;
    case 5: // ContentEmbed
      json(reader);
      return;
    case 6: // ContentFormat
      reader.varString();
      json(reader);
      return;
    case 7: {
      const typeRef = reader.varUint(); // ContentType
      if (typeRef > MAX_TYPE_REF) throw new MalformedInputError(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) reader.varString();
      return;
    }
    case 8: {
      const items = reader.count(1); // ContentAny
      for (let i = 0; i < items; i++) any(reader, 0);
      return;
    }
    default:
      // 9 is ContentDoc: Duet has no subdocuments, and a server-side subdoc would be state nobody asked for.
      throw new MalformedInputError(`content type ${ref} not accepted`);
  }
}

/** A Yjs ID: client, then clock. */
function id(reader: ByteReader): void {
  reader.varUint();
  clockOrLength(reader);
}

function struct(reader: ByteReader): void {
  const info = reader.uint8();
  const ref = info & 0x1f;
  if (ref === 0 || ref === 10) {
    clockOrLength(reader); // GC or Skip: a length
    return;
  }
  if (info & 0x80) id(reader); // origin
  if (info & 0x40) id(reader); // right origin
  if ((info & 0xc0) === 0) {
    if (reader.varUint() === 1) reader.varString();
    else id(reader);
    if (info & 0x20) reader.varString(); // parentSub
  }
  content(reader, ref);
}

/** Checks that `update` is a complete, bounded Yjs V1 update; never runs Yjs code on it. */
export function validateUpdate(update: Uint8Array): Result<UpdateShape> {
  const reader = new ByteReader(update);
  try {
    let structs = 0;
    const clients = reader.count(3);
    for (let c = 0; c < clients; c++) {
      const count = reader.count(1);
      reader.varUint(); // client id
      clockOrLength(reader); // first clock
      for (let s = 0; s < count; s++) struct(reader);
      structs += count;
    }
    let deleteRanges = 0;
    const dsClients = reader.count(2);
    for (let c = 0; c < dsClients; c++) {
      reader.varUint();
      const ranges = reader.count(2);
      for (let r = 0; r < ranges; r++) {
        clockOrLength(reader);
        clockOrLength(reader);
      }
      deleteRanges += ranges;
    }
    reader.end();
    return ok({ structs, deleteRanges });
  } catch (error) {
    if (error instanceof MalformedInputError) return fail('corrupt', `invalid update: ${error.message}`);
    throw error;
  }
}

/** Checks an encoded state vector (count, then client/clock pairs). */
export function validateStateVector(bytes: Uint8Array): Result<number> {
  const reader = new ByteReader(bytes);
  try {
    const clients = reader.count(2);
    for (let i = 0; i < clients; i++) id(reader);
    reader.end();
    return ok(clients);
  } catch (error) {
    if (error instanceof MalformedInputError) return fail('corrupt', `invalid state vector: ${error.message}`);
    throw error;
  }
}
