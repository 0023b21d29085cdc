/**
 * The postings of the search index in typed arrays: for each term, the (record slot, field, count) of every
 * field it occurs in, in slot order. Records live in numbered slots that only ever grow — a changed record
 * gets a new slot and its old one is marked dead — so appending keeps every list sorted without moving
 * anything. `pack` writes the live part as a few flat arrays (dead slots dropped, slots renumbered, pairs as
 * varints: a third of the bytes) that a structured clone copies as blocks, and `fromPacked` answers from
 * those at once, decoding a term's list when a query first needs it.
 */
import { lowerBound, TermDictionary } from './termDictionary';
import { readSlotPairs, VarintWriter } from './varint';

/** Number of searched fields (title, key message, extra, body, persona, stage). */
export const FIELD_COUNT = 6;
/** A posting is two numbers: the slot, and the field in the low 3 bits with the count above them. */
const FIELD_BITS = 3;
const MAX_COUNT = 0xffff;

/** The postings as stored: flat arrays, live records only. */
export interface PackedPostings {
  /** Sorted terms joined by "\n" (terms are letters and digits only). */
  terms: string;
  /** Where each term's pairs start in `postings` (one more entry than terms), in bytes. */
  starts: Uint32Array;
  /** (slot gap, field | count << 3) varint pairs, each term's in slot order, its first gap from slot 0. */
  postings: Uint8Array;
  /** Unique terms per slot and field: `lengths[slot * FIELD_COUNT + field]`. */
  lengths: Uint16Array;
  /** Number of slots (all live). */
  slots: number;
}

interface OwnList {
  data: Uint32Array;
  length: number;
}

function grow<T extends Uint8Array | Uint16Array>(array: T, size: number, make: (n: number) => T): T {
  if (size <= array.length) return array;
  const next = make(Math.max(size, array.length * 2, 64));
  next.set(array);
  return next;
}

/** The inverted index over record slots. */
export class InvertedIndex {
  /** Ids of terms added since the stored block (stored terms are found by binary search in `baseTerms`). */
  private readonly ids = new Map<string, number>();
  private readonly own: (OwnList | undefined)[] = [];
  /** Stored terms' lists, decoded when first read. */
  private readonly decoded: (Uint32Array | undefined)[] = [];
  private alive: Uint8Array;
  private lengths: Uint16Array;
  private readonly lengthSums = new Float64Array(FIELD_COUNT);
  private slotCount: number;
  private live: number;

  private constructor(
    readonly dictionary: TermDictionary,
    private readonly base: PackedPostings,
    private readonly baseTerms: readonly string[],
  ) {
    this.slotCount = base.slots;
    this.live = base.slots;
    this.alive = new Uint8Array(base.slots).fill(1);
    this.lengths = base.lengths; // copied by `grow` before the first change
    for (let i = 0; i < this.lengths.length; i++) this.lengthSums[i % FIELD_COUNT]! += this.lengths[i]!;
  }

  /** An empty index. */
  static create(): InvertedIndex {
    const empty = { terms: '', starts: new Uint32Array(1), postings: new Uint8Array(0), lengths: new Uint16Array(0) };
    return new InvertedIndex(new TermDictionary(), { ...empty, slots: 0 }, []);
  }

  /** An index answering from stored arrays (see `pack`); `terms` is `packed.terms` split. */
  static fromPacked(packed: PackedPostings, terms: readonly string[]): InvertedIndex {
    return new InvertedIndex(new TermDictionary(terms), packed, terms);
  }

  /** A term's id: its place in the stored terms, or past them for terms added since. */
  private idOf(term: string): number | undefined {
    const added = this.ids.get(term);
    if (added !== undefined) return added;
    const at = lowerBound(this.baseTerms, term);
    return this.baseTerms[at] === term ? at : undefined;
  }

  /** Slots handed out so far, dead ones included (the next record gets this number). */
  get slots(): number {
    return this.slotCount;
  }

  /** Live records. */
  get documentCount(): number {
    return this.live;
  }

  /** True when `slot` holds a current record. */
  isLive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Unique terms of a slot's field. */
  fieldLength(slot: number, field: number): number {
    return this.lengths[slot * FIELD_COUNT + field]!;
  }

  /** The average unique terms of a field over live records. */
  averageLength(field: number): number {
    return this.live === 0 ? 0 : this.lengthSums[field]! / this.live;
  }

  /** Adds a record in the next slot from the terms of each field; returns its slot. */
  add(fields: readonly (readonly string[])[]): number {
    const slot = this.slotCount++;
    this.alive = grow(this.alive, this.slotCount, (n) => new Uint8Array(n));
    this.lengths = grow(this.lengths, this.slotCount * FIELD_COUNT, (n) => new Uint16Array(n));
    this.alive[slot] = 1;
    this.live++;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const counts = new Map<string, number>();
      for (const term of fields[field] ?? []) counts.set(term, (counts.get(term) ?? 0) + 1);
      const unique = Math.min(counts.size, MAX_COUNT);
      this.lengths[slot * FIELD_COUNT + field] = unique;
      this.lengthSums[field]! += unique;
      for (const [term, count] of counts) this.append(term, slot, field | (Math.min(count, MAX_COUNT) << FIELD_BITS));
    }
    return slot;
  }

  /** Marks a slot dead; its postings stay until the next `pack` (queries skip them). */
  remove(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    this.live--;
    for (let field = 0; field < FIELD_COUNT; field++) this.lengthSums[field]! -= this.fieldLength(slot, field);
  }

  /**
   * The live postings as flat arrays, slots renumbered by `renumber` (old slot → new, -1 for dead), which
   * must keep their order.
   */
  pack(renumber: Int32Array, slots: number): PackedPostings {
    const out = new VarintWriter(this.base.postings.length + 1024);
    const terms: string[] = [];
    const starts: number[] = [0];
    for (const term of this.dictionary.terms) {
      const { data, from, to } = this.listOf(term);
      const before = out.length;
      let previous = 0;
      for (let i = from; i < to; i += 2) {
        const slot = renumber[data[i]!]!;
        if (slot < 0) continue;
        out.write(slot - previous);
        out.write(data[i + 1]!);
        previous = slot;
      }
      if (out.length === before) continue;
      terms.push(term);
      starts.push(out.length);
    }
    const lengths = new Uint16Array(slots * FIELD_COUNT);
    for (let old = 0; old < this.slotCount; old++) {
      const slot = renumber[old]!;
      if (slot < 0) continue;
      for (let f = 0; f < FIELD_COUNT; f++) lengths[slot * FIELD_COUNT + f] = this.lengths[old * FIELD_COUNT + f]!;
    }
    return {
      terms: terms.join('\n'),
      starts: Uint32Array.from(starts),
      postings: out.finish(),
      lengths,
      slots,
    };
  }

  /** A term's pairs as a range of one array (its own list, or its part of the stored block). */
  listOf(term: string): { data: Uint32Array; from: number; to: number } {
    const id = this.idOf(term);
    if (id === undefined) return { data: EMPTY, from: 0, to: 0 };
    const own = this.own[id];
    if (own) return { data: own.data, from: 0, to: own.length };
    if (id >= this.baseTerms.length) return { data: EMPTY, from: 0, to: 0 };
    let data = this.decoded[id];
    if (!data) {
      data = readSlotPairs(this.base.postings, this.base.starts[id]!, this.base.starts[id + 1]!);
      this.decoded[id] = data;
    }
    return { data, from: 0, to: data.length };
  }

  private append(term: string, slot: number, value: number): void {
    let id = this.idOf(term);
    if (id === undefined) {
      id = this.baseTerms.length + this.ids.size;
      this.ids.set(term, id);
      this.dictionary.insert(term);
    }
    let own = this.own[id];
    if (!own) {
      const { data, from, to } = this.listOf(term);
      own = { data: new Uint32Array(Math.max(8, (to - from) * 2)), length: to - from };
      own.data.set(data.subarray(from, to));
      this.own[id] = own;
      this.decoded[id] = undefined; // the term's own list replaces its decoded copy
    }
    if (own.length + 2 > own.data.length) own.data = grow32(own.data, own.length + 2);
    own.data[own.length++] = slot;
    own.data[own.length++] = value;
  }
}

const EMPTY = new Uint32Array(0);

function grow32(array: Uint32Array, size: number): Uint32Array {
  const next = new Uint32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** The field of a posting's second number. */
export function postingField(value: number): number {
  return value & ((1 << FIELD_BITS) - 1);
}

/** The count of a posting's second number. */
export function postingCount(value: number): number {
  return value >>> FIELD_BITS;
}
