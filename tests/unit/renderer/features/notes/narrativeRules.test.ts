import { describe, expect, it } from 'vitest';
import type { ParsedCsv } from '../../../../../renderer/features/notes/csv/crmCsv';
import {
  distinctValues,
  narrativeCounts,
  narrativeOf,
  type GoodRow,
  type NarrativeRule,
} from '../../../../../renderer/features/notes/csv/narrativeRules';

const parsed: ParsedCsv = {
  headers: ['Account', 'Campaign'],
  rows: [
    { line: 2, cells: ['Acme', 'Cost'] },
    { line: 3, cells: ['Globex', 'Safety'] },
    { line: 4, cells: ['Acme', 'Cost'] },
    { line: 5, cells: ['Initech', ''] },
  ],
  rowErrors: new Map(),
  footer: null,
};

const rows: GoodRow[] = parsed.rows.map((r, index) => ({
  line: r.line,
  index,
  ok: true,
  duplicate: false,
  defaultCurrency: false,
  input: {
    account: r.cells[0]!,
    dealName: '',
    crmId: '',
    amount: null,
    currency: 'EUR',
    stage: '',
    persona: '',
    outcome: 'won',
    competitor: '',
    closeDate: '2026-01-01',
    note: '',
    perspective: 'rep',
  },
}));

describe('mapping imported deals to narratives by rule', () => {
  it('defaults to no narrative for every deal', () => {
    expect(narrativeCounts({ kind: 'none' }, new Map(), rows, parsed)).toEqual(new Map([['', 4]]));
  });

  it('maps by a column’s values, by account, and lets single rows override', () => {
    const byColumn: NarrativeRule = { kind: 'column', column: 1, byValue: new Map([['Cost', 'n-cost']]) };
    expect(distinctValues(byColumn, rows, parsed)).toEqual([
      { value: 'Cost', count: 2 },
      { value: '', count: 1 },
      { value: 'Safety', count: 1 },
    ]);
    expect(rows.map((r) => narrativeOf(byColumn, new Map(), r, parsed))).toEqual(['n-cost', '', 'n-cost', '']);
    const overrides = new Map([
      [0, ''],
      [3, 'n-safety'],
    ]);
    expect(rows.map((r) => narrativeOf(byColumn, overrides, r, parsed))).toEqual(['', '', 'n-cost', 'n-safety']);
    const byAccount: NarrativeRule = { kind: 'account', byValue: new Map([['Globex', 'n-safety']]) };
    expect(narrativeCounts(byAccount, new Map(), rows, parsed)).toEqual(
      new Map([
        ['', 3],
        ['n-safety', 1],
      ]),
    );
    expect(narrativeCounts({ kind: 'all', narrativeId: 'n-cost' }, new Map(), rows, parsed)).toEqual(
      new Map([['n-cost', 4]]),
    );
  });
});
