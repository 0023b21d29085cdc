/**
 * The full-text index of a workspace: MiniSearch (chosen over FlexSearch for its edit-distance typo
 * tolerance and its discard-and-re-add updates; measured in bench/searchIndex.mjs) over `SearchDoc`s, plus
 * the records themselves for snippets and filters. Pure: it runs in the search worker, in Node for tests and
 * benchmarks, and serializes to one string with a format version so an outdated index is rebuilt, not read.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { describeSearchDoc, SEARCH_FIELD_BOOSTS, type SearchDoc } from './searchDocs';
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type ParsedQuery, type SearchFilters, type SearchKind } from './searchQuery';
import { normalizeTerm, tokenize } from './searchText';
import { makeSnippet, type SnippetPart } from './snippet';

/** Bumped whenever the tokenizer, the fields or the serialized shape change: older indexes are rebuilt. */
export const SEARCH_FORMAT_VERSION = 1;

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
   * Reads a serialized index; null when it is of another format version or unreadable, so the caller
   * rebuilds it from the documents.
   */
  static load(serialized: string): SearchEngine | null {
    let parsed: { format?: unknown; docs?: unknown; index?: unknown };
    try {
      parsed = JSON.parse(serialized) as typeof parsed;
    } catch {
      return null; // a torn write: the index is a cache of the documents, rebuilding it loses nothing
    }
    if (parsed.format !== SEARCH_FORMAT_VERSION || !Array.isArray(parsed.docs) || typeof parsed.index !== 'object')
      return null;
    const mini = MiniSearch.loadJS<SearchDoc>(parsed.index as never, {
      fields: FIELDS,
      tokenize,
      processTerm: (term) => term,
      searchOptions: { boost: SEARCH_FIELD_BOOSTS, tokenize, processTerm: (term) => normalizeTerm(term) },
    });
    const docs = new Map((parsed.docs as SearchDoc[]).map((d) => [d.id, d]));
    return new SearchEngine(mini, docs);
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
    const filter = (r: SearchResult): boolean => passes(this.docs.get(r.id as string)!, query.filters);
    let raw: SearchResult[];
    if (query.text === '') {
      if (Object.keys(query.filters).length === 0) return { groups: [], total: 0 };
      raw = this.mini.search(MiniSearch.wildcard, { filter });
    } else {
      const options = {
        filter,
        prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 2,
        fuzzy: fuzzyOf,
        maxFuzzy: 2,
      };
      raw = this.mini.search(query.text, { ...options, combineWith: 'AND' });
      if (raw.length === 0 && tokenize(query.text).length > 1)
        raw = this.mini.search(query.text, { ...options, combineWith: 'OR' });
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
      const text = [doc.body, doc.keyMessage, doc.extra].find((t) => makeSnippet(t, terms).some((p) => p.hit));
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

  /** The index as one string (format version, records, engine state). */
  serialize(): string {
    return JSON.stringify({ format: SEARCH_FORMAT_VERSION, docs: [...this.docs.values()], index: this.mini });
  }
}

function sameDoc(a: SearchDoc, b: SearchDoc): boolean {
  for (const key of Object.keys(b) as (keyof SearchDoc)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
