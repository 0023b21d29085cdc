/** The review's filter menus stay short whatever the deals hold, and the notes search finds what a user types. */
import { describe, expect, it, vi } from 'vitest';
import type { DealEntry } from '../../../../../shared/domain/deal';
import { searchDeals, searchText, warmSearchIndex } from '../../../../../renderer/features/review/dealSearch';
import { recordReplacement } from '../../../../../shared/collab/dealLineage';
import { memoizeRecent } from '../../../../../renderer/features/review/dealMemo';
import {
  attentionOf,
  dealsOf,
  dealsPassing,
  optionsOf,
  patchesCheaply,
  periodUnitOf,
  reviewFor,
  reviewOf,
  summaryFor,
  warmReview,
} from '../../../../../renderer/features/review/reviewData';
import { filterOptions, MAX_FILTER_VALUES } from '../../../../../renderer/features/review/reviewFilter';
import { matchesFilter, type ReviewFilter } from '../../../../../shared/stats/narrativeReview';
import { needsAttention } from '../../../../../shared/stats/narrativeTrends';
import { summaryFromTally } from '../../../../../shared/stats/playbookReview';
import { tallyDeals } from '../../../../../shared/stats/reviewTally';

/** The playbook-wide figure of `deals`, counted directly. */
const summarizeDeals = (deals: readonly DealEntry[]) => summaryFromTally(tallyDeals(deals, '2026-12-01'));

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

  it('folds accents as the workspace search does, and finds several words in any order', () => {
    const deals = [
      deal(1, { account: 'Café Müller', note: 'Safety narrative landed with the operations team.' }),
      deal(2, { account: 'Cafe Noir', note: 'Finance wanted the fuel numbers; the team landed it anyway.' }),
      deal(3, { account: 'Crème', note: 'Operations stalled.', crmId: 'CRM-12' }),
    ];
    const ids = (query: string) => searchDeals(deals, query).map((d) => d.id);
    expect(ids('cafe')).toEqual(['d1', 'd2']);
    expect(ids('MÜLLER')).toEqual(['d1']);
    expect(ids('creme')).toEqual(['d3']);
    // Each word somewhere in the deal, in any order; a deal missing one word is left out.
    expect(ids('operations landed')).toEqual(['d1']);
    expect(ids('team landed')).toEqual(['d1', 'd2']);
    expect(ids('landed fuel')).toEqual(['d2']);
    // Still any part of a word, and the query as typed (punctuation included).
    expect(ids('tions')).toEqual(['d1', 'd3']);
    expect(ids('crm-12')).toEqual(['d3']);
    expect(ids('numbers;')).toEqual(['d2']);
    expect(ids('!!')).toEqual([]);
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

describe('review derivations', () => {
  const deals = Array.from({ length: 600 }, (_, i) =>
    deal(i, {
      persona: ['CFO', 'COO', 'Fleet manager'][i % 3]!,
      competitor: ['Geotab', 'Samsara', ''][i % 4 === 0 ? 2 : i % 2]!,
      stage: i % 5 === 0 ? 'proposal' : 'decision',
      closeDate: `202${5 + (i % 2)}-0${1 + (i % 9)}-15`,
      narratives: [{ narrativeId: `n${i % 4}`, reception: 'neutral' }],
    }),
  );

  it('filter exactly as matchesFilter does, in the same order, whichever index they start from', () => {
    const filters: ReviewFilter[] = [
      { competitor: 'Geotab' },
      { persona: 'COO', competitor: 'Samsara' },
      { persona: 'CFO', stage: 'proposal', from: '2026-01-01' },
      { competitor: 'Nobody' },
      { from: '2025-03-01', to: '2025-06-30' },
    ];
    for (const filter of filters)
      expect(dealsPassing(deals, filter)).toEqual(deals.filter((d) => matchesFilter(d, filter)));
    expect(dealsPassing(deals, {})).toBe(deals);
  });

  it('answer a repeated question from memory: the same filter gives the very same array and review', () => {
    const geotab = dealsPassing(deals, { competitor: 'Geotab' });
    expect(dealsPassing(deals, { competitor: 'Geotab' })).toBe(geotab);
    const narratives = [{ id: 'n0', title: 'Cost', keyMessage: '' }] as never[];
    expect(reviewOf(narratives, geotab, '2026-12-01')).toBe(reviewOf(narratives, geotab, '2026-12-01'));
    expect(dealsOf(deals, 'n1')).toEqual(deals.filter((d) => d.narratives[0]!.narrativeId === 'n1'));
    expect(dealsOf(deals, 'unknown')).toEqual([]);
  });

  it('answer a one-field filter from the tally of every value: the same review, no pass over the deals', () => {
    const log = deals.slice(0, 480);
    const narratives = [
      { id: 'n0', title: 'Cost', keyMessage: '' },
      { id: 'n2', title: 'Safety', keyMessage: '' },
    ] as never[];
    const today = '2026-12-01';
    // The first filter tallies the field (one pass), and then every value of it is answered from the tally.
    expect(reviewFor(narratives, log, { competitor: 'Geotab' }, today)).toEqual(
      reviewOf(narratives, dealsPassing(log, { competitor: 'Geotab' }), today),
    );
    const derived = performance.getEntriesByName('duet:review:derive').length;
    const samsara = reviewFor(narratives, log, { competitor: 'Samsara' }, today);
    const summary = summaryFor(log, { competitor: 'Samsara' }, today);
    // Finishing the review from the tally is one derivation; no filter, summary or review pass over the deals.
    expect(performance.getEntriesByName('duet:review:derive').length).toBe(derived + 1);
    const passing = log.filter((d) => d.competitor === 'Samsara');
    expect(samsara).toEqual(reviewOf(narratives, passing, today));
    expect(summary).toEqual(summarizeDeals(passing));
    // Asked again (a re-render), the same objects: readers compared by identity do not render again.
    expect(reviewFor(narratives, log, { competitor: 'Samsara' }, today)).toBe(samsara);
    expect(summaryFor(log, { competitor: 'Samsara' }, today)).toBe(summary);
    // Any other filter goes through its deals, as before.
    const mixed = { competitor: 'Samsara', persona: 'CFO' };
    expect(reviewFor(narratives, log, mixed, today)).toEqual(reviewOf(narratives, dealsPassing(log, mixed), today));
    expect(summaryFor(log, mixed, today)).toEqual(summarizeDeals(dealsPassing(log, mixed)));
    expect(summaryFor(log, {}, today)).toEqual(summarizeDeals(log));
  });

  describe('of a log edited in place (one person’s edit)', () => {
    const narratives = [0, 1, 2, 3].map((i) => ({ id: `n${i}`, title: `N${i}`, keyMessage: '' })) as never[];
    const today = '2026-12-01';
    /** What the review, its filters, its menus and the governance ask of a log. */
    const ask = (log: readonly DealEntry[]) => ({
      review: reviewFor(narratives, log, {}, today),
      summary: summaryFor(log, {}, today),
      geotab: reviewFor(narratives, log, { competitor: 'Geotab' }, today),
      geotabSummary: summaryFor(log, { competitor: 'Geotab' }, today),
      coo: dealsPassing(log, { persona: 'COO' }),
      proposal: reviewFor(narratives, log, { stage: 'proposal' }, today),
      n3: dealsOf(log, 'n3'),
      options: optionsOf(log),
      unit: periodUnitOf(log),
      attention: attentionOf(log, today),
    });
    /** `log` warmed as the review warms it, and a copy with `edits` made in place (recorded as LiveDeals does). */
    function editedLog(edits: [number, Partial<DealEntry>][]) {
      const log = deals.slice(0, 500);
      const tasks: (() => void)[] = [];
      warmReview(narratives, log, today, (task) => (tasks.push(task), () => undefined));
      while (tasks.length > 0) tasks.shift()!();
      ask(log);
      const copy = [...log];
      const changes = edits.map(([i, edit]) => {
        copy[i] = { ...log[i]!, ...edit };
        return { before: log[i]!, after: copy[i] };
      });
      return { log, copy, changes };
    }

    it('is answered by patching the log before’s figures: exactly the figures counted afresh, no pass over the deals', () => {
      const { log, copy, changes } = editedLog([
        [10, { outcome: 'lost-competitor' }],
        [11, { narratives: [{ narrativeId: 'n3', reception: 'fell-flat' }] }],
        [12, { note: 'Renewal signed', amount: 5 }],
        [13, { outcome: 'open' }],
      ]);
      // Any read of the edited log's deals would be a pass over them: it throws.
      const next = new Proxy(copy, {
        get(target, key) {
          if (key === 'length') return target.length;
          throw new Error(`read ${String(key)} of the edited log: a pass over its deals`);
        },
      });
      recordReplacement(next, log, changes);
      expect(patchesCheaply(next, log)).toBe(true);
      const patched = ask(next);
      expect(patched).toEqual(ask([...copy]));
      expect(patched.n3).toContain(copy[11]);
      // The log before keeps its own figures.
      expect(ask(log)).toEqual(ask([...log]));
    });

    it('of a field the indexes read (a competitor) is not shown at once, and is still counted right', () => {
      const { log, copy, changes } = editedLog([[20, { competitor: 'Geotab', persona: 'COO' }]]);
      recordReplacement(copy, log, changes);
      expect(patchesCheaply(copy, log)).toBe(false);
      expect(ask(copy)).toEqual(ask([...copy]));
    });
  });

  it('give the governance exactly needsAttention’s verdicts, from the pass the review made', () => {
    // Recent deals (after 2026-09-02) lost with the narrative falling flat flag n1 and n3.
    const log = deals.slice(0, 300).map((d, i) =>
      i % 7 === 0
        ? {
            ...d,
            outcome: 'lost-competitor' as const,
            closeDate: '2026-11-20',
            narratives: [{ narrativeId: `n${i % 4}`, reception: 'fell-flat' as const }],
          }
        : d,
    );
    const narratives = [{ id: 'n1', title: 'Cost', keyMessage: '' }] as never[];
    const today = '2026-12-01';
    const expected = new Set(needsAttention(log, today).keys());
    expect(expected.size).toBeGreaterThan(0);
    reviewOf(narratives, log, today);
    const derived = performance.getEntriesByName('duet:review:derive').length;
    expect(attentionOf(log, today)).toEqual(expected);
    // No second pass over the log: the review's tally answered it.
    expect(performance.getEntriesByName('duet:review:derive').length).toBe(derived);
    expect(attentionOf(log, today)).toBe(attentionOf(log, today));
  });

  it('are warmed one per task, and say when all are ready (an open review then shows the new log)', () => {
    const log = deals.slice(0, 500);
    const narratives = [{ id: 'n0', title: 'Cost', keyMessage: '' }] as never[];
    const tasks: (() => void)[] = [];
    const done = vi.fn();
    warmReview(narratives, log, '2026-12-01', (task) => (tasks.push(task), () => undefined), done);
    let ran = 0;
    while (tasks.length > 0) {
      expect(done).not.toHaveBeenCalled();
      tasks.shift()!();
      ran++;
    }
    expect(ran).toBeGreaterThan(3);
    expect(done).toHaveBeenCalledTimes(1);
    // What the review asks for on its next render is already there: nothing is derived again.
    const derived = performance.getEntriesByName('duet:review:derive').length;
    reviewOf(narratives, log, '2026-12-01');
    summaryFor(log, {}, '2026-12-01');
    optionsOf(log);
    dealsOf(log, 'n0');
    // Nor for a first one-field filter, whose field was tallied while warming (only the finishing remains).
    dealsPassing(log, { persona: 'COO' });
    summaryFor(log, { stage: 'proposal' }, '2026-12-01');
    expect(performance.getEntriesByName('duet:review:derive').length).toBe(derived);
    summaryFor(deals.slice(0, 7), {}, '2026-12-01'); // and a log it was not warmed for would be
    expect(performance.getEntriesByName('duet:review:derive').length).toBe(derived + 1);
  });

  it('warming stops when cancelled, and then never says it is done', () => {
    const tasks: (() => void)[] = [];
    const done = vi.fn();
    const cancel = warmReview(
      [],
      deals.slice(0, 10),
      '2026-12-01',
      (task) => {
        tasks.push(task);
        return () => tasks.splice(tasks.indexOf(task), 1);
      },
      done,
    );
    tasks.shift()!();
    cancel();
    expect(tasks).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });

  it('forget the least recently used answer beyond their size', () => {
    let calls = 0;
    const square = memoizeRecent((n: number) => (calls++, n * n), 2);
    square(2);
    square(3);
    square(2); // 2 is now the most recent
    square(4); // evicts 3
    expect(calls).toBe(3);
    square(2);
    expect(calls).toBe(3);
    square(3);
    expect(calls).toBe(4);
  });
});
