/**
 * A company's deal log, generated: realistic field lengths (Salesforce-style 18-character CRM ids, account
 * and deal names, notes of one to three sentences), 1–3 narratives per deal and 1–3 later edits per deal so
 * every history holds entries. Deterministic (seeded), so every run and every size measures the same data.
 */
import type { DealInput, DealOutcome, Reception } from '@shared/domain/deal';

const OUTCOMES: DealOutcome[] = ['won', 'lost-competitor', 'lost-no-decision', 'open'];
const RECEPTIONS: Reception[] = ['resonated', 'neutral', 'fell-flat'];
const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const PERSONAS = ['CFO', 'COO', 'Fleet manager', 'Head of Operations', 'IT Director', 'Procurement lead'];
const COMPETITORS = ['', '', 'Geotab', 'Samsara', 'Verizon Connect', 'Motive'];
const WORDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware'];
const KINDS = ['Logistics', 'Freight', 'Transport', 'Haulage', 'Couriers', 'Distribution'];
const SENTENCES = [
  'Loved the fuel numbers and asked for the pilot report.',
  'Procurement pushed back on price; the ROI story carried the second meeting.',
  'The CFO wanted proof from a customer of similar size.',
  'Safety narrative landed with the operations team, less with finance.',
  'Lost momentum after the reorganisation; revisit next quarter.',
  'Competitor undercut us by 15 percent but lacked the maintenance module.',
];
const CRM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A small seeded generator (LCG), so the data is the same in every run. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

/** The narrative ids deals cite: `n-000` … (stable ids, as the editor assigns once). */
export function companyNarrativeIds(count = 20): string[] {
  return Array.from({ length: count }, (_, i) => `n-${String(i).padStart(3, '0')}`);
}

/** `count` valid deal inputs, distinct CRM ids. */
export function companyDeals(count: number, narrativeIds: readonly string[], seed = 7): DealInput[] {
  const rand = random(seed);
  const pick = <T>(values: readonly T[]): T => values[rand(values.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const uses = Math.min(1 + rand(3), narrativeIds.length);
    const first = rand(narrativeIds.length);
    let crmId = '006';
    for (let k = 0; k < 15; k++) crmId += CRM_ALPHABET[rand(CRM_ALPHABET.length)];
    return {
      account: `${pick(WORDS)} ${pick(KINDS)} ${i}`,
      dealName: `${pick(['Fleet renewal', 'Telematics rollout', 'Pilot expansion', 'Safety upgrade'])} ${2024 + rand(3)}`,
      crmId: `${crmId.slice(0, 12)}${String(i).padStart(6, '0')}`,
      amount: 5_000 + rand(400) * 250,
      currency: pick(['EUR', 'USD', 'GBP']),
      stage: pick(STAGES),
      persona: pick(PERSONAS),
      outcome: pick(OUTCOMES),
      competitor: pick(COMPETITORS),
      closeDate: `202${4 + rand(3)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`,
      narratives: Array.from({ length: uses }, (_, k) => ({
        narrativeId: narrativeIds[(first + k) % narrativeIds.length]!,
        reception: pick(RECEPTIONS),
      })),
      note: Array.from({ length: 1 + rand(3) }, () => pick(SENTENCES)).join(' '),
      perspective: rand(4) === 0 ? 'buyer-confirmed' : 'rep',
    } satisfies DealInput;
  });
}

/** The later edits of deal `i`: 1–3 patches (stage moves, outcome, a longer note), as a CRM history shows. */
export function companyEdits(input: DealInput, i: number): Partial<DealInput>[] {
  const edits: Partial<DealInput>[] = [{ stage: STAGES[(i + 1) % STAGES.length]! }];
  if (i % 3 !== 0) edits.push({ amount: (input.amount ?? 0) + 1_000 });
  if (i % 3 === 2) edits.push({ note: `${input.note} Follow-up call booked.` });
  return edits;
}
