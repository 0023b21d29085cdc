/**
 * Seeded random deal logs and in-place edits of them, for the tests that check a figure patched after an
 * edit against the same figure counted afresh (a failure names the seed that made it).
 */
import type { DealFacts, DealOutcome, Reception } from '../../../../shared/domain/deal';

/** A seeded generator, so a failure names the seed that made it. */
export function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

const OUTCOMES: DealOutcome[] = ['won', 'lost-competitor', 'lost-no-decision', 'open'];
const RECEPTIONS: Reception[] = ['resonated', 'neutral', 'fell-flat'];

/** `count` deals of narratives a, b, c and one no playbook has ("gone"), their facts drawn from `seed`. */
export function deals(seed: number, count: number): DealFacts[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  return Array.from({ length: count }, () => ({
    outcome: pick(OUTCOMES),
    // Around "today" (2026-12-01): recent, earlier, and a few closing later (not counted for attention).
    closeDate: pick(['2025-03-10', '2026-06-01', '2026-10-15', '2026-11-30', '2026-12-01', '2027-01-20']),
    persona: pick(['CFO', 'COO', '']),
    stage: pick(['proposal', 'decision']),
    competitor: pick(['Geotab', 'Samsara', '', 'Motive']),
    narratives: Array.from({ length: 1 + rand(3) }, () => ({
      narrativeId: pick(['a', 'b', 'c', 'gone']),
      reception: pick(RECEPTIONS),
    })),
  }));
}

/** `log` with a few deals edited in place: any fact of a deal may change, the narratives it used included. */
export function edited(
  seed: number,
  log: readonly DealFacts[],
): { next: DealFacts[]; changes: { before: DealFacts; after: DealFacts }[] } {
  const rand = random(seed * 31 + 7);
  const fresh = deals(seed * 97 + 3, 8);
  const next = [...log];
  const changes: { before: DealFacts; after: DealFacts }[] = [];
  const at = new Set(Array.from({ length: 1 + rand(3) }, () => rand(log.length)));
  for (const i of at) {
    const before = log[i]!;
    const other = fresh[rand(fresh.length)]!;
    // One to all of its facts taken from another deal (an outcome, a date, a competitor, its narratives…).
    const keys = (['outcome', 'closeDate', 'persona', 'stage', 'competitor', 'narratives'] as const).filter(
      () => rand(2) === 0,
    );
    const after = { ...before, ...Object.fromEntries(keys.map((k) => [k, other[k]])) } as DealFacts;
    next[i] = after;
    changes.push({ before, after });
  }
  return { next, changes };
}
