/**
 * The full-text index of a workspace over `SearchDoc`s: Duet's own inverted index (`InvertedIndex`, postings
 * in typed arrays; `scoreQuery` ranks them as MiniSearch did) plus the records themselves for snippets and
 * filters (`RecordTable`). Pure: it runs in the search worker, in Node for tests and benchmarks, and is stored
 * as a few flat arrays and strings with a format version, so a warm start copies blocks instead of decoding
 * a million small objects, and an outdated index is rebuilt, not read.
 */
import { InvertedIndex, type PackedPostings } from './InvertedIndex';
import { RecordTable, type PackedRecords } from './RecordTable';
import { describeSearchDoc, SEARCH_FIELD_BOOSTS, type SearchDoc } from './searchDocs';
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type ParsedQuery, type SearchFilters, type SearchKind } from './searchQuery';
import { normalizeTerm, tokenize } from './searchText';
import { expand, listHas, MAX_QUERY_WORDS, ScoreBoard, scoreTerm, type Expansion, type WordSpec } from './scoreQuery';
import { makeSnippet, type SnippetPart } from './snippet';
import { keepMatch, newMatches, popCount, type Matches } from './topMatches';

/**
 * Bumped whenever the tokenizer, the fields or the stored shape change: older indexes are rebuilt. (3: Duet's
 * own postings replaced MiniSearch's maps.)
 */
export const SEARCH_FORMAT_VERSION = 3;

/** The index as IndexedDB keeps it: typed arrays and long strings, which a structured clone copies whole. */
export interface StoredEngine {
  format: number;
  postings: PackedPostings;
  records: PackedRecords;
}

/** One result as the palette shows it. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  playbookId: string;
  targetId: string;
  narrativeId?: string;
  title: string;
  /** Persona · stage · status (or account · … for deals). */
  detail: string;
  snippet: SnippetPart[];
  /** The indexed words that matched, for highlighting in the editor. */
  terms: string[];
  score: number;
}

/** The results of one kind. */
export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
  /** How many matched in all (the palette shows the best few). */
  total: number;
}

/** Everything a query found, groups ordered by their best result. */
export interface SearchResults {
  groups: SearchGroup[];
  total: number;
}

const FIELDS = Object.keys(SEARCH_FIELD_BOOSTS) as (keyof typeof SEARCH_FIELD_BOOSTS)[];
const BOOSTS = Float64Array.from(FIELDS.map((f) => SEARCH_FIELD_BOOSTS[f]));

/** Exact matches enough to skip the typo-tolerant search. */
const ENOUGH = 8;
/** Indexed words of one query word listed per hit (for highlighting). */
const TERMS_PER_WORD = 8;

/** Typo tolerance: one edit from five letters on, two from ten; short words must match exactly. */
function fuzzyOf(term: string): number {
  return term.length >= 10 ? 2 : term.length >= 5 ? 1 : 0;
}

function passes(doc: SearchDoc, filters: SearchFilters): boolean {
  if (filters.kind && doc.kind !== filters.kind) return false;
  if (filters.persona && !normalizeTerm(doc.persona).includes(filters.persona)) return false;
  if (filters.stage && !normalizeTerm(doc.stage).includes(filters.stage)) return false;
  if (filters.status && !normalizeTerm(doc.status).startsWith(filters.status)) return false;
  return true;
}

function hasFilters(filters: SearchFilters): boolean {
  return Object.keys(filters).length > 0;
}

/** A workspace's search index. */
export class SearchEngine {
  private readonly board = new ScoreBoard();

  private constructor(
    private index: InvertedIndex,
    private records: RecordTable,
    private slots: Map<string, number> | null,
  ) {}

  /** An empty index. */
  static create(): SearchEngine {
    return new SearchEngine(InvertedIndex.create(), RecordTable.create(), new Map());
  }

  /**
   * Reads a stored index; null when it is of another format version or not the expected shape, so the
   * caller rebuilds it from the documents (the index is a cache of them: rebuilding loses nothing).
   */
  static fromStored(stored: unknown): SearchEngine | null {
    const candidate = stored as Partial<StoredEngine> | null;
    if (candidate?.format !== SEARCH_FORMAT_VERSION) return null;
    const { postings: p, records: r } = candidate;
    if (!RecordTable.isPacked(r) || !p || typeof p.terms !== 'string' || !(p.postings instanceof Uint8Array))
      return null;
    if (!(p.starts instanceof Uint32Array) || !(p.lengths instanceof Uint16Array)) return null;
    const terms = p.terms === '' ? [] : p.terms.split('\n');
    const slots = r.kinds.length;
    if (p.slots !== slots || p.starts.length !== terms.length + 1 || p.lengths.length !== slots * FIELDS.length)
      return null;
    if (p.starts[terms.length] !== p.postings.length) return null;
    return new SearchEngine(InvertedIndex.fromPacked(p, terms), RecordTable.fromPacked(r), null);
  }

  /**
   * Record id → slot. Built on first use, not on loading: a warm start answers queries without it, and
   * only an edit or a removal needs it.
   */
  private get slotOf(): Map<string, number> {
    if (this.slots) return this.slots;
    const slots = new Map<string, number>();
    for (let slot = 0; slot < this.records.packedCount; slot++)
      if (this.index.isLive(slot)) slots.set(this.records.packedId(slot), slot);
    this.slots = slots;
    return slots;
  }

  /** Number of records. */
  get size(): number {
    return this.index.documentCount;
  }

  /** The record with this id, if indexed. */
  get(id: string): SearchDoc | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.records.get(slot);
  }

  /** Ids of the records whose id starts with `prefix` (e.g. every narrative of one playbook). */
  idsWithPrefix(prefix: string): string[] {
    return [...this.slotOf.keys()].filter((id) => id.startsWith(prefix));
  }

  /** Adds or replaces a record; unchanged records are left alone (a keystroke re-indexes one narrative). */
  upsert(doc: SearchDoc): boolean {
    const before = this.get(doc.id);
    if (before && sameDoc(before, doc)) return false;
    if (before) this.drop(doc.id);
    const slot = this.index.add(FIELDS.map((field) => tokenize(doc[field])));
    this.records.set(slot, doc);
    this.slotOf.set(doc.id, slot);
    return true;
  }

  /** Removes a record (no-op when absent). */
  remove(id: string): boolean {
    if (!this.slotOf.has(id)) return false;
    this.drop(id);
    return true;
  }

  private drop(id: string): void {
    const slot = this.slotOf.get(id)!;
    this.slotOf.delete(id);
    this.index.remove(slot);
    this.records.clear(slot);
    // Dead slots cost every query a skipped posting: past a quarter of the index, write it afresh.
    const dead = this.index.slots - this.index.documentCount;
    if (dead > 1000 && dead > this.index.documentCount / 4) this.compact();
  }

  private compact(): void {
    const stored = this.toStored();
    const terms = stored.postings.terms === '' ? [] : stored.postings.terms.split('\n');
    this.index = InvertedIndex.fromPacked(stored.postings, terms);
    this.records = RecordTable.fromPacked(stored.records);
    this.slots = null;
  }

  /**
   * Runs a query: prefix matching on the last word, typo tolerance on longer words, every word required
   * (or, when that finds nothing, any word). A query of filters only lists what the filters keep.
   */
  search(query: ParsedQuery, perKind = 6): SearchResults {
    const filters = hasFilters(query.filters) ? query.filters : null;
    let matches: Matches;
    if (query.text === '') {
      if (!filters) return { groups: [], total: 0 };
      matches = this.everything(filters, perKind);
    } else {
      const words = tokenize(query.text).filter((w) => w !== '');
      const last = words.length - 1;
      // Exact words (the last one as a prefix from three letters) first; typo tolerance only when that finds
      // little — a typo rarely matches exactly, and expanding every word by its neighbours costs the most.
      const exact = words.map((term, i) => ({ term, prefix: i === last && term.length >= 3, fuzzy: 0 }));
      const loose = words.map((term, i) => ({ term, prefix: i === last && term.length >= 2, fuzzy: fuzzyOf(term) }));
      matches = this.run(exact, true, filters, perKind);
      if (matches.total < ENOUGH) matches = this.run(loose, true, filters, perKind);
      if (matches.total === 0 && words.length > 1) matches = this.run(loose, false, filters, perKind);
    }
    return this.group(matches, query);
  }

  /** Scores every word's expansions into the board, then keeps the best `perKind` of each kind. */
  private run(specs: WordSpec[], all: boolean, filters: SearchFilters | null, perKind: number): Matches {
    const board = this.board;
    board.reset(this.index.slots);
    const distinct = [...new Set(specs.map((s) => s.term))].slice(0, MAX_QUERY_WORDS);
    const expansions: Expansion[][] = [];
    for (const spec of specs) {
      const bit = distinct.indexOf(spec.term);
      if (bit < 0) continue;
      const terms = expand(this.index, spec);
      expansions.push(terms);
      for (const { term, weight } of terms) scoreTerm(this.index, term, weight, BOOSTS, 1 << bit, board);
    }
    const full = distinct.length === 32 ? 0xffffffff : (1 << distinct.length) - 1;
    const matches = newMatches(expansions);
    for (let i = 0; i < board.touchedCount; i++) {
      const slot = board.touched[i]!;
      const mask = board.mask[slot]!;
      if (all && mask !== full) continue;
      if (filters && !passes(this.records.get(slot), filters)) continue;
      // MiniSearch's "quality": a record matching more of the query's distinct words counts that many times.
      keepMatch(matches, this.records.kind(slot), slot, board.score[slot]! * popCount(mask), perKind);
    }
    return matches;
  }

  /** Every record the filters keep, in the order they were indexed (a query of filters only). */
  private everything(filters: SearchFilters, perKind: number): Matches {
    const matches = newMatches([]);
    for (let slot = 0; slot < this.index.slots; slot++)
      if (this.index.isLive(slot) && passes(this.records.get(slot), filters))
        keepMatch(matches, this.records.kind(slot), slot, 1, perKind);
    return matches;
  }

  /** The index terms of `expansions` that `slot` holds (the words to highlight). */
  private termsOf(slot: number, expansions: Expansion[][]): string[] {
    const out = new Set<string>();
    for (const word of expansions) {
      let found = 0;
      for (const { term } of word) {
        if (found >= TERMS_PER_WORD) break;
        const { data, from, to } = this.index.listOf(term);
        if (listHas(data, from, to, slot)) {
          out.add(term);
          found++;
        }
      }
    }
    return [...out];
  }

  private group(matches: Matches, query: ParsedQuery): SearchResults {
    const queryTerms = tokenize(query.text);
    const groups = [...matches.byKind.entries()]
      .sort((a, b) => b[1].best - a[1].best || SEARCH_KINDS.indexOf(a[0]) - SEARCH_KINDS.indexOf(b[0]))
      .map(([kind, g]) => {
        const hits = g.slots.map((slot, i): SearchHit => {
          const doc = this.records.get(slot);
          const matched = this.termsOf(slot, matches.expansions);
          const terms = [...new Set([...matched, ...queryTerms])];
          const text = [doc.body, doc.keyMessage, doc.extra].find((t) => mentions(t, terms));
          return {
            id: doc.id,
            kind: doc.kind,
            playbookId: doc.playbookId,
            targetId: doc.targetId,
            ...(doc.narrativeId ? { narrativeId: doc.narrativeId } : {}),
            title: doc.title,
            detail: describeSearchDoc(doc),
            snippet: makeSnippet(text ?? doc.body ?? doc.keyMessage, terms),
            terms: matched,
            score: g.scores[i]!,
          };
        });
        return { kind, label: SEARCH_KIND_LABELS[kind], hits, total: g.total };
      });
    return { groups, total: matches.total };
  }

  /** The index as IndexedDB stores it (see `StoredEngine`): live records only, renumbered in order. */
  toStored(): StoredEngine {
    const renumber = new Int32Array(this.index.slots).fill(-1);
    const live: number[] = [];
    for (let slot = 0; slot < this.index.slots; slot++)
      if (this.index.isLive(slot)) {
        renumber[slot] = live.length;
        live.push(slot);
      }
    return {
      format: SEARCH_FORMAT_VERSION,
      postings: this.index.pack(renumber, live.length),
      records: this.records.pack(live),
    };
  }
}

/** A quick test (no word splitting) of whether `text` may contain one of `terms`, to pick the snippet's text. */
function mentions(text: string, terms: readonly string[]): boolean {
  if (text === '') return false;
  const folded = /^[ -~\s]*$/.test(text) ? text.toLowerCase() : normalizeTerm(text);
  return terms.some((t) => folded.includes(t));
}

function sameDoc(a: SearchDoc, b: SearchDoc): boolean {
  for (const key of Object.keys(b) as (keyof SearchDoc)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
