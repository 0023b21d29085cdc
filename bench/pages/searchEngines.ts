/**
 * The engine comparison of the search benchmark's page (bench/pages/search.ts exposes it): Duet's engine,
 * MiniSearch, FlexSearch and a substring scan built over the same records, their query latencies and typo
 * recall, and each engine's stored form read back from IndexedDB. Kept apart from search.ts's figures of the
 * app's worker: this part drives the engines directly, on the records search.ts's `readTexts` hands it.
 */
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { SearchEngine } from '@shared/search/SearchEngine';
import type { SearchDoc } from '@shared/search/searchDocs';
import { parseQuery } from '@shared/search/searchQuery';
import { MiniSearchReference } from './miniSearchReference';
import { searchCorpusQueries } from './searchRecords';

/** The records `readTexts` read (search.ts), and their lowercase texts for the scan. */
let docs: SearchDoc[] = [];
let haystacks: string[] = [];
const kept: Record<string, unknown> = {};

/** Hands over the records every engine is built from (search.ts's `readTexts` reads them). */
export function setEngineRecords(records: SearchDoc[], texts: string[]): void {
  docs = records;
  haystacks = texts;
}

function flexIndex() {
  return new Document({
    document: { id: 'id', index: ['title', 'keyMessage', 'body', 'extra', 'persona', 'stage'] },
    tokenize: 'forward',
    // By name: passing `Charset.LatinBalance` itself as the options made 0.8.212 miss exact words.
    encoder: 'LatinBalance',
  });
}

type EngineKind = 'duet' | 'minisearch' | 'flexsearch' | 'scan';

/** Builds one engine over the records and keeps it (the runner measures the heap around this). */
export function build(kind: EngineKind): { ms: number } {
  const started = performance.now();
  if (kind === 'duet') {
    const engine = SearchEngine.create();
    for (const d of docs) engine.upsert(d);
    kept.duet = engine;
  } else if (kind === 'minisearch') kept.minisearch = new MiniSearchReference(docs);
  else if (kind === 'flexsearch') {
    const flex = flexIndex();
    for (const d of docs) flex.add(d as never);
    kept.flexsearch = flex;
  } else
    kept.scan = docs.map((d) => [d.title, d.keyMessage, d.body, d.extra, d.persona, d.stage].join('\n').toLowerCase());
  return { ms: Math.round(performance.now() - started) };
}

/**
 * Loads Duet's index from its stored form, as the worker holds it after a warm start (every object its own,
 * records included), and keeps it: the runner measures the heap around this.
 */
export function loadStoredForm(): void {
  const stored = structuredClone((kept.duet as SearchEngine).toStored());
  drop();
  kept.loaded = SearchEngine.fromStored(stored);
}

/** Forgets the built engines. */
export function drop(): void {
  for (const key of Object.keys(kept)) delete kept[key];
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** The best of three runs: on a loaded machine a single run also measures the moments the thread was off the CPU. */
function bestOf3(fn: () => unknown): number {
  return Math.min(time(fn), time(fn), time(fn));
}

/** Query latencies of each engine (ms per query) and typo recall (share of misspelt words that find their doc). */
export function measureQueries(): Record<string, unknown> {
  const { sets, typos } = searchCorpusQueries(docs);
  // Measured as the worker holds it after a warm start: loaded from its stored form, every term's postings
  // still encoded until a query first reads them (that first decoding counts in the single runs).
  const duet = SearchEngine.fromStored(structuredClone((kept.duet as SearchEngine).toStored()))!;
  const mini = kept.minisearch as MiniSearchReference;
  const flex = kept.flexsearch as ReturnType<typeof flexIndex>;
  const scan = (q: string) => {
    const words = q.toLowerCase().split(' ');
    return haystacks.filter((h) => words.every((w) => h.includes(w)));
  };
  const flexSearch = (q: string, limit = 24) => flex.search(q, { limit, suggest: true }) as { result: string[] }[];
  const latencies: Record<string, Record<string, number[]>> = {};
  for (const [name, qs] of Object.entries(sets)) {
    // Warm-up: the first calls pay for compilation, not for searching.
    for (const q of qs.slice(0, 5)) {
      duet.search(parseQuery(q));
      mini.search(q);
      flexSearch(q);
      scan(q);
    }
    latencies[name] = {
      duet: qs.map((q) => time(() => duet.search(parseQuery(q)))),
      minisearch: qs.map((q) => time(() => mini.search(q))),
      flexsearch: qs.map((q) => time(() => flexSearch(q))),
      scan: qs.map((q) => time(() => scan(q))),
    };
  }
  // Every engine alike, best of three per query (reported beside the single runs, not instead of them).
  const settled: Record<string, Record<string, number[]>> = {};
  for (const [name, qs] of Object.entries(sets))
    settled[name] = {
      duet: qs.map((q) => bestOf3(() => duet.search(parseQuery(q)))),
      minisearch: qs.map((q) => bestOf3(() => mini.search(q))),
      scan: qs.map((q) => bestOf3(() => scan(q))),
    };
  const duetFinds = (t: { query: string; id: string }) =>
    duet.search(parseQuery(t.query), 50).groups.some((g) => g.hits.some((h) => h.id === t.id));
  // Found = among the 50 best narratives, for both engines (the palette lists a kind's best few).
  const miniFinds = (t: { query: string; id: string }) =>
    mini
      .search(t.query)
      .filter((h) => h.id.startsWith('n:'))
      .slice(0, 50)
      .some((h) => h.id === t.id);
  const flexFinds = (t: { query: string; id: string }) => flexSearch(t.query, 200).some((r) => r.result.includes(t.id));
  const scanFinds = (t: { query: string; id: string }) =>
    haystacks[docs.findIndex((d) => d.id === t.id)]!.includes(t.query);
  return {
    latencies,
    settled,
    typoRecall: {
      duet: typos.filter(duetFinds).length / typos.length,
      minisearch: typos.filter(miniFinds).length / typos.length,
      flexsearch: typos.filter(flexFinds).length / typos.length,
      scan: typos.filter(scanFinds).length / typos.length,
    },
    roundTripQueries: [...sets['1-word'].slice(0, 20), ...sets['2-word'].slice(0, 20), ...sets['3-word'].slice(0, 20)],
  };
}

/**
 * The stored form's clone-and-load time in this page (a structured clone round trip, as IndexedDB does it),
 * beside MiniSearch's own route (`JSON.stringify` → `JSON.parse` + `MiniSearch.loadJS`).
 */
export function storedFormTimes(): { cloneMs: number; jsonMs: number; jsonChars: number } {
  const engine = kept.duet as SearchEngine;
  let started = performance.now();
  SearchEngine.fromStored(structuredClone(engine.toStored()));
  const cloneMs = performance.now() - started;
  const mini = (kept.minisearch as MiniSearchReference).mini;
  const json = JSON.stringify({ mini, records: docs });
  started = performance.now();
  const parsed = JSON.parse(json) as { mini: unknown };
  MiniSearch.loadJS(parsed.mini as never, { fields: ['title', 'keyMessage', 'extra', 'body', 'persona', 'stage'] });
  const jsonMs = performance.now() - started;
  return { cloneMs: Math.round(cloneMs), jsonMs: Math.round(jsonMs), jsonChars: json.length };
}

async function benchDb(): Promise<IDBDatabase> {
  const open = indexedDB.open('duet-search-engines', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('engines');
  return new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('[bench] could not open duet-search-engines'));
  });
}

async function put(key: string, value: unknown): Promise<void> {
  const db = await benchDb();
  const tx = db.transaction('engines', 'readwrite');
  tx.objectStore('engines').put(value, key);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error ?? new Error('[bench] put failed'));
  });
  db.close();
}

async function get<T>(key: string): Promise<T> {
  const db = await benchDb();
  const req = db.transaction('engines').objectStore('engines').get(key);
  const value = await new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('[bench] get failed'));
  });
  db.close();
  return value;
}

/**
 * Warm load, engine against engine, in this page under the same conditions: each index stored in IndexedDB
 * the way that engine would keep it — Duet's stored form (records included); MiniSearch as the JSON string
 * it recommends, and as the `toJSON()` object, each with the records the palette needs for titles and
 * snippets — then read back and loaded until a first query is answered. Three rounds; ms per round.
 */
export async function warmLoadEngines(): Promise<Record<string, number[]>> {
  const duet = kept.duet as SearchEngine;
  const mini = (kept.minisearch as MiniSearchReference).mini;
  await put('duet', duet.toStored());
  await put('minisearch-json', { json: JSON.stringify(mini), records: docs });
  await put('minisearch-js', { js: mini.toJSON(), records: docs });
  const query = 'downtime costs';
  const loaders: Record<string, () => Promise<unknown>> = {
    duet: async () => SearchEngine.fromStored(await get('duet'))!.search(parseQuery(query)),
    minisearchJson: async () => {
      const stored = await get<{ json: string; records: SearchDoc[] }>('minisearch-json');
      return [MiniSearchReference.fromJSON(stored.json).search(query), stored.records];
    },
    minisearchJs: async () => {
      const stored = await get<{ js: ReturnType<MiniSearch['toJSON']>; records: SearchDoc[] }>('minisearch-js');
      return [MiniSearchReference.fromJS(stored.js).search(query), stored.records];
    },
  };
  const times: Record<string, number[]> = { duet: [], minisearchJson: [], minisearchJs: [] };
  for (let round = 0; round < 3; round++)
    for (const [name, load] of Object.entries(loaders)) {
      const started = performance.now();
      await load();
      times[name]!.push(Math.round(performance.now() - started));
    }
  // Not `deleteDatabase`, which fails on "blocked": the last read's connection may still be closing.
  await new Promise((resolve) => (indexedDB.deleteDatabase('duet-search-engines').onsuccess = resolve));
  return times;
}
