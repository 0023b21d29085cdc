// The fast path that checks deals without zod (shared/domain/checkDealInput.ts) now also checks every row an
// import validates and writes: on thousands of randomly damaged deals it must accept exactly what the schema
// accepts, return exactly what the schema returns, and `validateDealInput` must say what the schema says.
import { describe, expect, it } from 'vitest';
import { validateDealInput } from '../../../../shared/collab/notes';
import { fastDealInput } from '../../../../shared/domain/checkDealInput';
import { DEAL_INPUT_FIELDS, DEAL_LIMITS, dealInputSchema } from '../../../../shared/domain/deal';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';
import { createPrng } from '../../server/helpers/prng';

const SEED = 18_2026;
const TEXTS: unknown[] = [
  '',
  ' ',
  'Acme',
  ' Acme',
  'Acme ',
  '\u00a0Acme',
  'Ac\nme',
  'a'.repeat(DEAL_LIMITS.crmId),
  'a'.repeat(DEAL_LIMITS.crmId + 1),
  'a'.repeat(DEAL_LIMITS.note),
  'a'.repeat(DEAL_LIMITS.note + 1),
  '=SUM(A1)',
  '<img src=x onerror=alert(1)>',
];
const OTHERS: unknown[] = [null, undefined, 0, -0, -1, 5, 1e13, 1e13 + 1, Number.NaN, Infinity, '5', true, [], {}];
const DATES: unknown[] = ['2024-02-29', '2023-02-29', '2026-13-01', '2026-1-01', '2026-04-31', ' 2026-01-01'];
const ENUMS: unknown[] = ['won', 'open', 'lost-competitor', 'Won', 'rep', 'buyer-confirmed', 'neutral', ''];
const USES: unknown[] = [
  [],
  [{ narrativeId: 'n-1', reception: 'neutral' }],
  [{ narrativeId: 'n-1', reception: 'neutral', versionId: 'v-1' }],
  [{ narrativeId: 'n-1', reception: 'neutral', versionId: '../v' }],
  [{ narrativeId: 'n-1', reception: 'neutral', versionId: undefined }],
  [{ narrativeId: 'n-1', reception: 'neutral', extra: 1 }],
  [{ narrativeId: 'n-1', reception: 'meh' }],
  [
    { narrativeId: 'n-1', reception: 'neutral' },
    { narrativeId: 'n-1', reception: 'resonated' },
  ],
  Array.from({ length: DEAL_LIMITS.narratives + 1 }, (_, i) => ({ narrativeId: `n-${i}`, reception: 'neutral' })),
  ['n-1'],
  [null],
  'n-1',
];
const POOL = [...TEXTS, ...OTHERS, ...DATES, ...ENUMS, ...USES];

describe('checking a deal without zod', () => {
  it('agrees with the schema on thousands of randomly damaged deals', () => {
    const random = createPrng(SEED);
    const bases = companyDeals(50, companyNarrativeIds()) as unknown as Record<string, unknown>[];
    let accepted = 0;
    for (let round = 0; round < 5_000; round++) {
      const raw: Record<string, unknown> = { ...random.pick(bases) };
      for (let k = random.int(0, 3); k > 0; k--) {
        const field = random.pick([...DEAL_INPUT_FIELDS, 'extra']);
        if (random.chance(0.1)) delete raw[field];
        else raw[field] = random.pick(POOL);
      }
      const parsed = dealInputSchema.safeParse(raw);
      const fast = fastDealInput(raw);
      // toStrictEqual: a key the fast path dropped (e.g. a narrative's version) must not pass as undefined.
      if (fast !== null) expect(parsed.success && fast, `seed ${SEED} round ${round}`).toStrictEqual(parsed.data);
      const checked = validateDealInput(raw);
      expect(checked.ok, `seed ${SEED} round ${round}`).toBe(parsed.success);
      if (checked.ok) {
        expect(checked.value).toStrictEqual(parsed.data);
        accepted++;
      }
    }
    // Both sides of the rule were exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_500);
  });

  it('still names the field that is wrong', () => {
    const [deal] = companyDeals(1, companyNarrativeIds());
    const checked = validateDealInput({ ...deal, currency: 'eur' });
    expect(checked.ok ? null : checked.error.message).toBe(
      'currency: Use a three-letter currency code such as EUR or USD.',
    );
  });
});
