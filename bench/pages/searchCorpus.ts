/**
 * The search benchmark's workspace: 50 playbooks × 40 narratives × ~300 words, with a vocabulary of 12,000
 * words drawn with Zipf frequencies (a few words are everywhere, most are rare — like real copy), so
 * queries of frequent, mid and rare words all exist. Deterministic: every run measures the same text.
 */
import { BUYING_STAGES, NARRATIVE_STATUSES } from '@shared/domain/narrative';
import type { NarrativeSpec, PlaybookSpec } from '../../renderer/editor/docSpec';

export const SEARCH_PLAYBOOKS = 50;
export const SEARCH_NARRATIVES = 40;
const PERSONAS = ['VP Operations', 'Fleet maintenance manager', 'CFO', 'Depot manager', 'Head of procurement'];
const DOMAIN = ['downtime', 'uptime', 'breakdown', 'telematics', 'depot', 'maintenance', 'predictive', 'fleet'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'do', 'pe', 'bra', 'stro', 'fen', 'gar', 'qui'];

/** A small seeded generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vocabulary, most frequent first. */
export const VOCABULARY: readonly string[] = (() => {
  const rand = prng(11);
  const words = new Set<string>(DOMAIN);
  while (words.size < 12_000) {
    let word = '';
    const parts = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
})();

const CUMULATIVE = (() => {
  const out: number[] = [];
  let sum = 0;
  for (let r = 0; r < VOCABULARY.length; r++) out.push((sum += 1 / (r + 1)));
  return out.map((c) => c / sum);
})();

function zipfWord(rand: () => number): string {
  const x = rand();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

function words(rand: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(zipfWord(rand));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** Playbook `p`'s narrative ids. */
export function searchNarrativeId(p: number, n: number): string {
  return `s${p}-n${n}`;
}

/** Playbook `p` (0-based) of the search workspace. */
export function searchPlaybookSpec(p: number): PlaybookSpec {
  const rand = prng(1000 + p);
  const narratives: NarrativeSpec[] = [];
  for (let n = 0; n < SEARCH_NARRATIVES; n++) {
    narratives.push({
      id: searchNarrativeId(p, n),
      title: words(rand, 6).slice(0, -1),
      keyMessage: words(rand, 16),
      fields: {
        status: NARRATIVE_STATUSES[n % NARRATIVE_STATUSES.length],
        persona: PERSONAS[(p + n) % PERSONAS.length],
        stage: BUYING_STAGES[n % BUYING_STAGES.length],
        owner: 'Bench Owner',
        proofPoints: [words(rand, 12)],
      },
      body: [{ p: words(rand, 90) }, { p: words(rand, 90) }, { p: words(rand, 86) }],
    });
  }
  return { intro: [], narratives };
}
