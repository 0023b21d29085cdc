/** The review's filter menus stay short whatever the deals hold, and the notes search finds what a user types. */
import { describe, expect, it, vi } from 'vitest';
import type { DealEntry } from '../../../../../shared/domain/deal';
import { searchDeals, searchText, warmSearchIndex } from '../../../../../renderer/features/review/dealSearch';
import { filterOptions, MAX_FILTER_VALUES } from '../../../../../renderer/features/review/reviewFilter';

function deal(i: number, extra: Partial<DealEntry> = {}): DealEntry {
  return {
    id: `d${i}`,
    account: `Account ${i}`,
    dealName: '',
    crmId: `CRM-${i}`,
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
    createdAt: i,
    updatedAt: i,
    ...extra,
  };
}

describe('filter menus', () => {
  it('list every value, sorted, when there are few', () => {
    const deals = [deal(1, { competitor: 'Samsara' }), deal(2, { competitor: 'Geotab' }), deal(3)];
    expect(filterOptions(deals).competitors).toEqual({ values: ['Geotab', 'Samsara'], omitted: 0 });
    expect(filterOptions(deals).years).toEqual(['2026']);
  });

  it('keep the most frequent values when there are thousands, and say how many were left out', () => {
    const deals = Array.from({ length: 5_000 }, (_, i) => deal(i, { competitor: i < 300 ? 'Geotab' : `Rival ${i}` }));
    const { values, omitted } = filterOptions(deals).competitors;
    expect(values).toHaveLength(MAX_FILTER_VALUES);
    expect(values).toContain('Geotab');
    expect(omitted).toBe(4_701 - MAX_FILTER_VALUES);
  });
});

describe('notes search', () => {
  it('finds a deal by any part of its account, note, competitor, author or CRM id, in any case', () => {
    const deals = [
      deal(1, { note: 'Loved the FUEL numbers', competitor: 'Geotab' }),
      deal(2, { account: 'Globex', author: 'Ben Ito' }),
    ];
    expect(searchDeals(deals, 'fuel').map((d) => d.id)).toEqual(['d1']);
    expect(searchDeals(deals, '  GEOTAB ').map((d) => d.id)).toEqual(['d1']);
    expect(searchDeals(deals, 'ben ito').map((d) => d.id)).toEqual(['d2']);
    expect(searchDeals(deals, 'crm-2').map((d) => d.id)).toEqual(['d2']);
    expect(searchDeals(deals, '')).toBe(deals);
    expect(searchDeals(deals, 'nowhere')).toEqual([]);
  });

  it('indexes each deal object once (a changed deal is a new object and is indexed afresh)', () => {
    const first = deal(1, { note: 'Before' });
    expect(searchText(first)).toContain('before');
    // Deals are immutable snapshots: the index is not rebuilt for the same object (here, even if it were mutated).
    (first as { note: string }).note = 'Mutated';
    expect(searchText(first)).toContain('before');
    const changed = { ...first, note: 'After' };
    expect(searchText(changed)).toContain('after');
    expect(searchText(changed)).not.toContain('before');
  });

  it('is built ahead of the first keystroke, a slice at a time, and stops when cancelled', () => {
    vi.useFakeTimers();
    try {
      const deals = Array.from({ length: 2_500 }, (_, i) => deal(i, { note: 'Original' }));
      const cancel = warmSearchIndex(deals);
      vi.advanceTimersToNextTimer(); // one slice: 1,000 deals
      for (const d of deals) (d as { note: string }).note = 'Changed later';
      expect(searchText(deals[999]!)).toContain('original'); // indexed by the first slice
      expect(searchText(deals[1_000]!)).toContain('changed later'); // not yet: indexed now, on demand
      cancel();
      vi.runAllTimers();
      expect(searchText(deals[2_000]!)).toContain('changed later'); // the cancelled warm-up never reached it
    } finally {
      vi.useRealTimers();
    }
  });
});
