/**
 * The full-text index of a workspace: MiniSearch (chosen over FlexSearch for its edit-distance typo
 * tolerance and its discard-and-re-add updates; measured in bench/searchIndex.mjs) over `SearchDoc`s, plus
 * the records themselves for snippets and filters. Pure: it runs in the search worker, in Node for tests and
 * benchmarks, and is stored as a structured-cloneable object with a format version, so an outdated index is
 * rebuilt, not read.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { describeSearchDoc, SEARCH_FIELD_BOOSTS, type SearchDoc } from './searchDocs';
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type ParsedQuery, type SearchFilters, type SearchKind } from './searchQuery';
import { normalizeTerm, tokenize } from './searchText';
import { makeSnippet, type SnippetPart } from './snippet';

/**
 * Bumped whenever the tokenizer, the fields, the stored shape or the MiniSearch version change (the stored
 * form holds MiniSearch's own maps): older indexes are rebuilt.
 */
export const SEARCH_FORMAT_VERSION = 2;

/**
 * The index as IndexedDB keeps it: MiniSearch's maps themselves, not JSON. A structured clone of nested Maps
 * is decoded natively (V8's deserializer), several times faster than JSON.parse plus MiniSearch.loadJS
 * rebuilding every map in JavaScript — the difference between a warm start of seconds and of a fraction.
 */
export interface StoredEngine {
  format: number;
  records: SearchDoc[];
  mini: {
    tree: unknown;
    documentCount: number;
    documentIds: Map<number, unknown>;
    idToShortId: Map<unknown, number>;
    fieldLength: Map<number, number[]>;
    avgFieldLength: number[];
    nextId: number;
    dirtCount: number;
  };
}

/** MiniSearch 7's private state, reached only by `toStored`/`fromStored` (the format version pins it). */
interface MiniState {
  _index: { _tree: unknown; _size: number | undefined };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _dirtCount: number;
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

const FIELDS = Object.keys(SEARCH_FIELD_BOOSTS);

function createMini(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: FIELDS,
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: SEARCH_FIELD_BOOSTS, tokenize, processTerm: (term) => normalizeTerm(term) },
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
  });
}

/** Exact matches enough to skip the typo-tolerant search. */
const ENOUGH = 8;

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

/** A workspace's search index. */
export class SearchEngine {
  private constructor(
    private readonly mini: MiniSearch<SearchDoc>,
    private readonly docs: Map<string, SearchDoc>,
  ) {}

  /** An empty index. */
  static create(): SearchEngine {
    return new SearchEngine(createMini(), new Map());
  }

  /**
   * Reads a stored index; null when it is of another format version or not the expected shape, so the
   * caller rebuilds it from the documents (the index is a cache of them: rebuilding loses nothing).
   */
  static fromStored(stored: unknown): SearchEngine | null {
    const candidate = stored as Partial<StoredEngine> | null;
    if (candidate?.format !== SEARCH_FORMAT_VERSION || !Array.isArray(candidate.records)) return null;
    const state = candidate.mini;
    if (!(state?.tree instanceof Map) || !(state.documentIds instanceof Map) || !(state.idToShortId instanceof Map))
      return null;
    if (!(state.fieldLength instanceof Map) || !Array.isArray(state.avgFieldLength)) return null;
    const mini = createMini();
    const target = mini as unknown as MiniState;
    target._index._tree = state.tree;
    target._index._size = undefined;
    target._documentCount = state.documentCount;
    target._documentIds = state.documentIds;
    target._idToShortId = state.idToShortId;
    target._fieldLength = state.fieldLength;
    target._avgFieldLength = state.avgFieldLength;
    target._nextId = state.nextId;
    target._dirtCount = state.dirtCount;
    return new SearchEngine(mini, new Map(candidate.records.map((d) => [d.id, d])));
  }

  /** Number of records. */
  get size(): number {
    return this.docs.size;
  }

  /** The record with this id, if indexed. */
  get(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /** Ids of the records whose id starts with `prefix` (e.g. every narrative of one playbook). */
  idsWithPrefix(prefix: string): string[] {
    return [...this.docs.keys()].filter((id) => id.startsWith(prefix));
  }

  /** Adds or replaces a record; unchanged records are left alone (a keystroke re-indexes one narrative). */
  upsert(doc: SearchDoc): boolean {
    const before = this.docs.get(doc.id);
    if (before && sameDoc(before, doc)) return false;
    if (before) this.mini.discard(doc.id);
    this.mini.add(doc);
    this.docs.set(doc.id, doc);
    return true;
  }

  /** Removes a record (no-op when absent). */
  remove(id: string): boolean {
    if (!this.docs.delete(id)) return false;
    this.mini.discard(id);
    return true;
  }

  /**
   * Runs a query: prefix matching on the last word, typo tolerance on longer words, every word required
   * (or, when that finds nothing, any word). A query of filters only lists what the filters keep.
   */
  search(query: ParsedQuery, perKind = 6): SearchResults {
    const filtering = Object.keys(query.filters).length > 0;
    // Only when filtering: a callback per matching record costs more than the search itself otherwise.
    const filter = filtering
      ? { filter: (r: SearchResult): boolean => passes(this.docs.get(r.id as string)!, query.filters) }
      : {};
    let raw: SearchResult[];
    if (query.text === '') {
      if (!filtering) return { groups: [], total: 0 };
      raw = this.mini.search(MiniSearch.wildcard, filter);
    } else {
      // Exact words (the last one as a prefix from three letters) first; typo tolerance only when that finds
      // little — the fuzzy walk of the term tree is the costly part, and a typo rarely matches exactly.
      const exact = { ...filter, prefix: (t: string, i: number, ts: string[]) => i === ts.length - 1 && t.length >= 3 };
      const fuzzy = {
        ...filter,
        prefix: (t: string, i: number, ts: string[]) => i === ts.length - 1 && t.length >= 2,
        fuzzy: fuzzyOf,
        maxFuzzy: 2,
      };
      raw = this.mini.search(query.text, { ...exact, combineWith: 'AND' });
      if (raw.length < ENOUGH) raw = this.mini.search(query.text, { ...fuzzy, combineWith: 'AND' });
      if (raw.length === 0 && tokenize(query.text).length > 1)
        raw = this.mini.search(query.text, { ...fuzzy, combineWith: 'OR' });
    }
    return this.group(raw, query, perKind);
  }

  private group(raw: SearchResult[], query: ParsedQuery, perKind: number): SearchResults {
    const byKind = new Map<SearchKind, { hits: SearchHit[]; total: number; best: number }>();
    const queryTerms = tokenize(query.text);
    for (const result of raw) {
      const doc = this.docs.get(result.id as string);
      if (!doc) continue;
      const group = byKind.get(doc.kind) ?? { hits: [], total: 0, best: result.score };
      byKind.set(doc.kind, group);
      group.total++;
      if (group.hits.length >= perKind) continue;
      const terms = [...new Set([...result.terms, ...queryTerms])];
      const text = [doc.body, doc.keyMessage, doc.extra].find((t) => mentions(t, terms));
      group.hits.push({
        id: doc.id,
        kind: doc.kind,
        playbookId: doc.playbookId,
        targetId: doc.targetId,
        ...(doc.narrativeId ? { narrativeId: doc.narrativeId } : {}),
        title: doc.title,
        detail: describeSearchDoc(doc),
        snippet: makeSnippet(text ?? doc.body ?? doc.keyMessage, terms),
        terms: result.terms,
        score: result.score,
      });
    }
    const groups = [...byKind.entries()]
      .sort((a, b) => b[1].best - a[1].best || SEARCH_KINDS.indexOf(a[0]) - SEARCH_KINDS.indexOf(b[0]))
      .map(([kind, g]) => ({ kind, label: SEARCH_KIND_LABELS[kind], hits: g.hits, total: g.total }));
    return { groups, total: raw.length };
  }

  /** The index as IndexedDB stores it (see `StoredEngine`); shares its maps with the engine, so store it at once. */
  toStored(): StoredEngine {
    const state = this.mini as unknown as MiniState;
    return {
      format: SEARCH_FORMAT_VERSION,
      records: [...this.docs.values()],
      mini: {
        tree: state._index._tree,
        documentCount: state._documentCount,
        documentIds: state._documentIds,
        idToShortId: state._idToShortId,
        fieldLength: state._fieldLength,
        avgFieldLength: state._avgFieldLength,
        nextId: state._nextId,
        dirtCount: state._dirtCount,
      },
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
