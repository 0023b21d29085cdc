/**
 * The search benchmark's corpus as index records, made straight from its specs (no editor, no Yjs), so unit
 * tests can rank the same words the benchmark measures. The benchmark page itself reads the records through
 * the app's readers from IndexedDB.
 */
import type { DealEntry } from '@shared/domain/deal';
import { dealSearchDoc, narrativeSearchDoc, playbookSearchDoc, type SearchDoc } from '@shared/search/searchDocs';
import { companyDeals } from './companyDeals';
import { prng, searchNarrativeId, searchPlaybookSpec, VOCABULARY } from './searchCorpus';

/** Playbooks `0..playbooks-1` of the corpus (titles, narratives) and `deals` deals in the first. */
export function searchCorpusDocs(playbooks: number, deals: number): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (let p = 0; p < playbooks; p++) {
    const id = `sp${p}`;
    docs.push(playbookSearchDoc({ id, title: `Search playbook ${p}` }));
    for (const n of searchPlaybookSpec(p).narratives) {
      const fields = n.fields ?? {};
      docs.push(
        narrativeSearchDoc(id, {
          id: n.id ?? '',
          title: n.title ?? '',
          keyMessage: n.keyMessage ?? '',
          status: fields.status ?? 'draft',
          persona: fields.persona ?? '',
          stage: fields.stage ?? '',
          owner: fields.owner ?? '',
          proofPoints: fields.proofPoints ?? [],
          body: (n.body ?? []).map((b) => ({ kind: 'paragraph' as const, text: 'p' in b ? String(b.p) : '' })),
        }),
      );
    }
  }
  const ids = Array.from({ length: 40 }, (_, n) => searchNarrativeId(0, n));
  companyDeals(deals, ids).forEach((input, i) => {
    const entry = { ...input, id: `deal-${i}`, author: 'Bench', createdAt: 1, updatedAt: 1 } as DealEntry;
    docs.push(dealSearchDoc('sp0', entry));
  });
  return docs;
}

/** Deterministic queries: words of 1, 2 and 3 taken from one narrative's body, and misspelt rare words. */
export function searchCorpusQueries(docs: readonly SearchDoc[], perSize = 60, typoCount = 50) {
  const rand = prng(99);
  const narratives = docs.filter((d) => d.kind === 'narrative');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sets: Record<'1-word' | '2-word' | '3-word', string[]> = { '1-word': [], '2-word': [], '3-word': [] };
  for (let i = 0; i < perSize; i++) {
    const words = pick(narratives).body.toLowerCase().replace(/[.]/g, '').split(/\s+/);
    const start = Math.floor(rand() * (words.length - 3));
    sets['1-word'].push(words[start]!);
    sets['2-word'].push(words.slice(start, start + 2).join(' '));
    sets['3-word'].push(words.slice(start, start + 3).join(' '));
  }
  const rare = new Set(VOCABULARY.slice(4000));
  const typos: { query: string; id: string }[] = [];
  while (typos.length < typoCount) {
    const doc = pick(narratives);
    const word = doc.body
      .toLowerCase()
      .replace(/[.]/g, '')
      .split(/\s+/)
      .find((w) => rare.has(w) && w.length >= 6);
    if (!word) continue;
    const at = 2 + Math.floor(rand() * (word.length - 3));
    typos.push({ query: word.slice(0, at) + word.slice(at + 1), id: doc.id });
  }
  return { sets, typos };
}
