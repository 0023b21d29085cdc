/**
 * MiniSearch 7 as Duet used it before its own index (issue 12): the same fields, boosts, tokenizer and query
 * plan — exact words first (the last as a prefix from three letters), typo tolerance when that finds fewer
 * than eight, any word when all words find nothing. The search benchmark measures it beside Duet's engine
 * and the unit tests compare their rankings on the benchmark's corpus.
 */
import MiniSearch from 'minisearch';
import { SEARCH_FIELD_BOOSTS, type SearchDoc } from '@shared/search/searchDocs';
import { normalizeTerm, tokenize } from '@shared/search/searchText';

/** One ranked record. */
export interface ReferenceHit {
  id: string;
  score: number;
  terms: string[];
}

const fuzzyOf = (term: string): number => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : 0);

/** The old engine's MiniSearch options (also needed to load a stored index). */
const OPTIONS = {
  fields: Object.keys(SEARCH_FIELD_BOOSTS),
  tokenize,
  processTerm: (term: string) => term,
  searchOptions: { boost: SEARCH_FIELD_BOOSTS, tokenize, processTerm: (term: string) => normalizeTerm(term) },
};

/** MiniSearch over `SearchDoc`s with the old engine's settings. */
export class MiniSearchReference {
  readonly mini: MiniSearch<SearchDoc>;

  constructor(docs: Iterable<SearchDoc>, loaded?: MiniSearch<SearchDoc>) {
    this.mini = loaded ?? new MiniSearch<SearchDoc>(OPTIONS);
    if (!loaded) for (const doc of docs) this.mini.add(doc);
  }

  /** Loads an index stored as MiniSearch recommends (`JSON.stringify(mini)`); `loadJSON` rebuilds its tree. */
  static fromJSON(json: string): MiniSearchReference {
    return new MiniSearchReference([], MiniSearch.loadJSON<SearchDoc>(json, OPTIONS));
  }

  /** Loads an index stored as the object `mini.toJSON()` returns (IndexedDB keeps it as a structured clone). */
  static fromJS(js: ReturnType<MiniSearch['toJSON']>): MiniSearchReference {
    return new MiniSearchReference([], MiniSearch.loadJS<SearchDoc>(js, OPTIONS));
  }

  /** Every matching record, best first, as the old engine ranked them before grouping. */
  search(text: string): ReferenceHit[] {
    const exact = { prefix: (t: string, i: number, ts: string[]) => i === ts.length - 1 && t.length >= 3 };
    const fuzzy = {
      prefix: (t: string, i: number, ts: string[]) => i === ts.length - 1 && t.length >= 2,
      fuzzy: fuzzyOf,
      maxFuzzy: 2,
    };
    let raw = this.mini.search(text, { ...exact, combineWith: 'AND' });
    if (raw.length < 8) raw = this.mini.search(text, { ...fuzzy, combineWith: 'AND' });
    if (raw.length === 0 && tokenize(text).length > 1) raw = this.mini.search(text, { ...fuzzy, combineWith: 'OR' });
    return raw.map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }
}
