/** What a person notices of search: accents and punctuation do not matter, typos are forgiven, filters narrow. */
import { describe, expect, it } from 'vitest';
import type { DeckNarrative } from '../../../../shared/deck/deckModel';
import type { DealEntry } from '../../../../shared/domain/deal';
import { SEARCH_FORMAT_VERSION, SearchEngine, type SearchResults } from '../../../../shared/search/SearchEngine';
import { dealSearchDoc, narrativeSearchDoc, playbookSearchDoc } from '../../../../shared/search/searchDocs';
import { parseQuery } from '../../../../shared/search/searchQuery';
import { tokenize } from '../../../../shared/search/searchText';
import { makeSnippet } from '../../../../shared/search/snippet';

function narrative(id: string, extra: Partial<DeckNarrative> = {}): DeckNarrative {
  return {
    id,
    title: 'Untitled',
    keyMessage: '',
    status: 'draft',
    persona: '',
    stage: '',
    owner: '',
    proofPoints: [],
    body: [],
    ...extra,
  };
}

function deal(id: string, extra: Partial<DealEntry> = {}): DealEntry {
  return {
    id,
    account: 'Northwind',
    dealName: 'Fleet renewal',
    crmId: '',
    amount: 1,
    currency: 'EUR',
    stage: 'decision',
    persona: 'CFO',
    outcome: 'won',
    competitor: '',
    closeDate: '2026-05-01',
    narratives: [],
    note: '',
    perspective: 'rep',
    author: 'Ana',
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

function sampleEngine(): SearchEngine {
  const engine = SearchEngine.create();
  engine.upsert(playbookSearchDoc({ id: 'p1', title: 'Fleet messaging' }));
  engine.upsert(
    narrativeSearchDoc(
      'p1',
      narrative('n1', {
        title: 'Downtime costs money',
        keyMessage: 'Every idle truck costs €1,200 a day.',
        persona: 'CFO',
        stage: 'decision',
        status: 'approved',
        proofPoints: ['Cut unplanned downtime by 38% at Hartmann Logistik'],
        body: [{ kind: 'paragraph', text: 'Der Café-Besitzer sparte Zeit. 数据分析 makes it measurable.' }],
      }),
    ),
  );
  engine.upsert(
    narrativeSearchDoc(
      'p1',
      narrative('n2', { title: 'Driver safety', persona: 'Head of operations', stage: 'awareness', status: 'draft' }),
    ),
  );
  engine.upsert(dealSearchDoc('p1', deal('d1', { note: 'They loved the downtime calculator', persona: 'CFO' })));
  return engine;
}

const titles = (r: SearchResults) => r.groups.flatMap((g) => g.hits.map((h) => h.title));
const find = (engine: SearchEngine, q: string) => engine.search(parseQuery(q));

describe('tokenisation', () => {
  it('folds accents and case, and splits on punctuation', () => {
    expect(tokenize('Café-Besitzer, NAÏVE… follow-up!')).toEqual(['cafe', 'besitzer', 'naive', 'follow', 'up']);
  });

  it('cuts Chinese text into character pairs instead of one unsearchable blob', () => {
    expect(tokenize('数据分析 ok')).toEqual(['数据', '据分', '分析', 'ok']);
  });

  it('finds words with or without their accents, and CJK words inside a run', () => {
    const engine = sampleEngine();
    expect(titles(find(engine, 'cafe'))).toContain('Downtime costs money');
    expect(titles(find(engine, 'CAFÉ'))).toContain('Downtime costs money');
    expect(titles(find(engine, '分析'))).toContain('Downtime costs money');
  });
});

describe('matching', () => {
  it('forgives a typo: "dowtime" finds "downtime"', () => {
    const result = find(sampleEngine(), 'dowtime');
    expect(titles(result)).toContain('Downtime costs money');
    const hit = result.groups.find((g) => g.kind === 'narrative')!.hits[0]!;
    expect(hit.terms).toContain('downtime');
  });

  it('matches the last word as a prefix while typing', () => {
    expect(titles(find(sampleEngine(), 'hartm'))).toContain('Downtime costs money');
  });

  it('groups by kind, best group first, and highlights the matching words in a snippet', () => {
    const result = find(sampleEngine(), 'downtime');
    expect(result.groups.map((g) => g.kind)).toEqual(['narrative', 'deal']);
    const deal = result.groups[1]!.hits[0]!;
    expect(deal.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['downtime']);
  });

  it('requires every word, and falls back to any word when nothing has all of them', () => {
    expect(titles(find(sampleEngine(), 'driver safety'))).toEqual(['Driver safety']);
    expect(titles(find(sampleEngine(), 'driver zebra'))).toEqual(['Driver safety']);
  });
});

describe('filters', () => {
  it('parses key:value filters and keeps the rest as words', () => {
    expect(parseQuery('persona:cfo status:Approved downtime kind:deals')).toEqual({
      text: 'downtime',
      filters: { persona: 'cfo', status: 'approved', kind: 'deal' },
      commandMode: false,
    });
    expect(parseQuery('persona:"Head of operations"').filters).toEqual({ persona: 'head of operations' });
    expect(parseQuery('> new narr')).toEqual({ text: 'new narr', filters: {}, commandMode: true });
  });

  it('narrows by persona, stage, status and kind — with or without words', () => {
    const engine = sampleEngine();
    expect(titles(find(engine, 'downtime kind:narrative'))).toEqual(['Downtime costs money']);
    expect(titles(find(engine, 'persona:operations'))).toEqual(['Driver safety']);
    expect(titles(find(engine, 'status:approved'))).toEqual(['Downtime costs money']);
    expect(titles(find(engine, 'stage:awareness'))).toEqual(['Driver safety']);
    expect(titles(find(engine, 'downtime status:won'))).toEqual(['Fleet renewal']);
  });
});

describe('incremental updates', () => {
  it('re-indexes one record: old words stop matching, new words match', () => {
    const engine = sampleEngine();
    const changed = narrativeSearchDoc('p1', narrative('n2', { title: 'Driver retention' }));
    expect(engine.upsert(changed)).toBe(true);
    expect(engine.upsert(changed)).toBe(false); // unchanged: nothing to do
    expect(titles(find(engine, 'safety'))).toEqual([]);
    expect(titles(find(engine, 'retention'))).toEqual(['Driver retention']);
    engine.remove('n:p1:n2');
    expect(titles(find(engine, 'retention'))).toEqual([]);
  });
});

describe('persistence', () => {
  it('a stored index (as IndexedDB clones it) answers the same queries after loading', () => {
    const engine = sampleEngine();
    const loaded = SearchEngine.fromStored(structuredClone(engine.toStored()))!;
    expect(loaded.size).toBe(engine.size);
    expect(find(loaded, 'dowtime')).toEqual(find(engine, 'dowtime'));
    loaded.upsert(narrativeSearchDoc('p1', narrative('n9', { title: 'Loaded then edited' })));
    expect(titles(find(loaded, 'edited'))).toEqual(['Loaded then edited']);
  });

  it('refuses an index of an older format or of another shape, so the caller rebuilds it', () => {
    const current = sampleEngine().toStored();
    expect(SearchEngine.fromStored({ ...current, format: SEARCH_FORMAT_VERSION - 1 })).toBeNull();
    expect(SearchEngine.fromStored({ ...current, postings: { ...current.postings, starts: [0] } })).toBeNull();
    const cut = { ...current.records, kinds: current.records.kinds.slice(1) };
    expect(SearchEngine.fromStored({ ...current, records: cut })).toBeNull();
    expect(SearchEngine.fromStored('{"format":1}')).toBeNull();
    expect(SearchEngine.fromStored(null)).toBeNull();
  });
});

describe('snippets', () => {
  it('starts near the first match and marks every matching word', () => {
    const text = `${'filler '.repeat(40)}the downtime report shows Downtime falling`;
    const parts = makeSnippet(text, ['downtime']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['downtime', 'Downtime']);
  });
});
