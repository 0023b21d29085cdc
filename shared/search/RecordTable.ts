/**
 * The records behind the index (for snippets, filters and opening a result), by slot. Stored as one string
 * with the offsets of every field — a structured clone copies that as two blocks instead of decoding tens of
 * thousands of objects — and turned back into `SearchDoc`s one at a time, when a result needs one.
 */
import type { SearchDoc } from './searchDocs';
import { SEARCH_KINDS, type SearchKind } from './searchQuery';

/** The record fields in their stored order (`narrativeId` stored as "" when absent). */
const COLUMNS = [
  'id',
  'kind',
  'playbookId',
  'targetId',
  'narrativeId',
  'title',
  'keyMessage',
  'body',
  'extra',
  'persona',
  'stage',
  'status',
] as const;
const WIDTH = COLUMNS.length;

/** The records as stored. */
export interface PackedRecords {
  /** Every field of every record, one after the other. */
  text: string;
  /** Where each field starts in `text` (`WIDTH` per record, plus the end). */
  offsets: Uint32Array;
  /** `SEARCH_KINDS` index of each record. */
  kinds: Uint8Array;
}

/** Records by slot. */
export class RecordTable {
  private readonly docs: (SearchDoc | undefined)[] = [];
  private kindCodes: Uint8Array;

  private constructor(private readonly base: PackedRecords) {
    this.kindCodes = base.kinds;
  }

  /** An empty table. */
  static create(): RecordTable {
    return new RecordTable({ text: '', offsets: new Uint32Array(1), kinds: new Uint8Array(0) });
  }

  /** True when `packed` has the shape `pack` writes (the stored index is checked before it is trusted). */
  static isPacked(packed: Partial<PackedRecords> | undefined): packed is PackedRecords {
    if (!packed || typeof packed.text !== 'string') return false;
    if (!(packed.offsets instanceof Uint32Array) || !(packed.kinds instanceof Uint8Array)) return false;
    return packed.offsets.length === packed.kinds.length * WIDTH + 1;
  }

  /** A table reading its first records from stored columns. */
  static fromPacked(packed: PackedRecords): RecordTable {
    return new RecordTable(packed);
  }

  /** Number of stored (not yet changed) records the table started from. */
  get packedCount(): number {
    return this.base.kinds.length;
  }

  /** The id of a stored record, without reading the rest of it. */
  packedId(slot: number): string {
    return this.base.text.slice(this.base.offsets[slot * WIDTH]!, this.base.offsets[slot * WIDTH + 1]!);
  }

  /** The kind of the record in `slot`. */
  kind(slot: number): SearchKind {
    return SEARCH_KINDS[this.kindCodes[slot]!]!;
  }

  /** The record in `slot`. */
  get(slot: number): SearchDoc {
    const known = this.docs[slot];
    if (known) return known;
    const { text, offsets } = this.base;
    const value = (column: number) => text.slice(offsets[slot * WIDTH + column]!, offsets[slot * WIDTH + column + 1]!);
    const doc = {} as Record<string, string>;
    for (let c = 0; c < WIDTH; c++) {
      const v = value(c);
      if (c !== 4 || v !== '') doc[COLUMNS[c]!] = v;
    }
    const made = doc as unknown as SearchDoc;
    this.docs[slot] = made;
    return made;
  }

  /** Puts a record into a new slot. */
  set(slot: number, doc: SearchDoc): void {
    this.docs[slot] = doc;
    if (slot >= this.kindCodes.length) {
      const next = new Uint8Array(Math.max(slot + 1, this.kindCodes.length * 2, 64));
      next.set(this.kindCodes);
      this.kindCodes = next;
    }
    this.kindCodes[slot] = SEARCH_KINDS.indexOf(doc.kind);
  }

  /** Forgets a dead slot's record. */
  clear(slot: number): void {
    this.docs[slot] = undefined;
  }

  /** The records of `slots`, in that order, as stored columns. */
  pack(slots: readonly number[]): PackedRecords {
    const parts: string[] = [];
    const offsets = new Uint32Array(slots.length * WIDTH + 1);
    const kinds = new Uint8Array(slots.length);
    const base = this.base;
    let at = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      kinds[i] = this.kindCodes[slot]!;
      const doc = this.docs[slot];
      if (!doc && slot < base.kinds.length) {
        // Unchanged since it was stored: one slice of the stored text, its offsets shifted.
        const from = base.offsets[slot * WIDTH]!;
        for (let c = 0; c < WIDTH; c++) offsets[i * WIDTH + c] = at + base.offsets[slot * WIDTH + c]! - from;
        const to = base.offsets[slot * WIDTH + WIDTH]!;
        parts.push(base.text.slice(from, to));
        at += to - from;
        continue;
      }
      const values = columnsOf(doc ?? this.get(slot));
      for (let c = 0; c < WIDTH; c++) {
        offsets[i * WIDTH + c] = at;
        parts.push(values[c]!);
        at += values[c]!.length;
      }
    }
    offsets[slots.length * WIDTH] = at;
    return { text: parts.join(''), offsets, kinds };
  }
}

/** A record's values in `COLUMNS` order. */
function columnsOf(d: SearchDoc): string[] {
  const { id, kind, playbookId, targetId, title, keyMessage, body, extra, persona, stage, status } = d;
  return [id, kind, playbookId, targetId, d.narrativeId ?? '', title, keyMessage, body, extra, persona, stage, status];
}
