/** A valid deal for the deal-log tests; `extra` overrides any field. */
import type { DealInput } from '../../../../shared/domain/deal';

export function dealInput(extra: Partial<DealInput> = {}): DealInput {
  return {
    account: 'Fernway Logistics',
    dealName: 'Fleet renewal',
    crmId: '',
    amount: 48_000,
    currency: 'EUR',
    stage: 'decision',
    persona: 'CFO',
    outcome: 'won',
    competitor: '',
    closeDate: '2026-05-14',
    narratives: [{ narrativeId: 'n-cost', reception: 'resonated' }],
    note: 'Loved the fuel numbers.',
    perspective: 'rep',
    ...extra,
  };
}
