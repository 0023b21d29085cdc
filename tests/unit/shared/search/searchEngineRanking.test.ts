/**
 * Duet's own index ranks like MiniSearch, the engine it replaced: on the search benchmark's corpus, every
 * exact query finds the same records per kind with the same scores, and misspelt rare words are found at
 * least as often.
 */
import { describe, expect, it } from 'vitest';
import { MiniSearchReference } from '../../../../bench/pages/miniSearchReference';
import { searchCorpusDocs, searchCorpusQueries } from '../../../../bench/pages/searchRecords';
import { SearchEngine } from '../../../../shared/search/SearchEngine';
import { parseQuery } from '../../../../shared/search/searchQuery';

const docs = searchCorpusDocs(8, 2000);
const kindOf = new Map(docs.map((d) => [d.id, d.kind]));
const engine = SearchEngine.create();
for (const doc of docs) engine.upsert(doc);
const reference = new MiniSearchReference(docs);
const { sets, typos } = searchCorpusQueries(docs, 30, 40);

/** Asserts that `engine` answers `text` as MiniSearch does: per kind the same total, scores and records. */
function expectSameRanking(text: string, perKind = 6): void {
  const ours = engine.search(parseQuery(text), perKind);
  const theirs = reference.search(text);
  expect(ours.total, text).toBe(theirs.length);
  for (const group of ours.groups) {
    const expected = theirs.filter((h) => kindOf.get(h.id) === group.kind);
    expect(group.total, text).toBe(expected.length);
    const score = new Map(expected.map((h) => [h.id, h.score]));
    const cut = expected[perKind - 1]?.score ?? 0;
    group.hits.forEach((hit, i) => {
      expect(hit.score, `${text}: ${hit.id}`).toBeCloseTo(expected[i]!.score, 6);
      expect(score.get(hit.id), `${text}: ${hit.id}`).toBeCloseTo(hit.score, 6);
      // Records scoring clearly above the cut are the same ones (ties may be listed in another order).
      if (hit.score > cut * (1 + 1e-9)) expect(expected.slice(0, perKind).map((h) => h.id)).toContain(hit.id);
    });
  }
}

describe('ranking on the benchmark corpus, beside MiniSearch', () => {
  it('one-word queries (the word also a prefix) rank the same records with the same scores', () => {
    for (const q of sets['1-word']) expectSameRanking(q);
  });

  it('two- and three-word queries rank the same records with the same scores', () => {
    for (const q of [...sets['2-word'], ...sets['3-word']]) expectSameRanking(q);
  });

  it('queries for deals and prefixes being typed agree too', () => {
    for (const q of ['northwind', 'fuel numbers', 'procur', 'geotab pilot', 'safety narrative', 'cfo'])
      expectSameRanking(q);
  });

  it('finds a misspelt rare word’s narrative at least as often as MiniSearch', () => {
    const found = (hits: { id: string }[], id: string) => hits.some((h) => h.id === id);
    const ours = typos.filter((t) =>
      found(
        engine.search(parseQuery(t.query), 50).groups.flatMap((g) => g.hits),
        t.id,
      ),
    ).length;
    const narratives = (q: string) => reference.search(q).filter((h) => kindOf.get(h.id) === 'narrative');
    const theirs = typos.filter((t) => found(narratives(t.query).slice(0, 50), t.id)).length;
    expect(ours).toBeGreaterThanOrEqual(theirs);
    expect(ours / typos.length).toBeGreaterThan(0.85);
  });

  it('keeps ranking the same after edits, removals and a stored round trip', () => {
    const copy = SearchEngine.fromStored(structuredClone(engine.toStored()))!;
    const edited = { ...docs[5]!, body: `${docs[5]!.body} zebracorn` };
    copy.upsert(edited);
    copy.remove(docs[6]!.id);
    const theirs = new MiniSearchReference(
      docs.filter((d) => d.id !== docs[6]!.id).map((d) => (d.id === edited.id ? edited : d)),
    );
    for (const q of ['zebracorn', ...sets['1-word'].slice(0, 10)]) {
      const a = copy.search(parseQuery(q), 6).groups.flatMap((g) => g.hits.map((h) => h.score));
      const b = theirs.search(q);
      expect(copy.search(parseQuery(q)).total, q).toBe(b.length);
      expect(Math.max(...a), q).toBeCloseTo(b[0]!.score, 6);
    }
  });
});
