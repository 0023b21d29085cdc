// The import's default currency is the one most rows name — read from an even sample of a large file, so a
// 20,000-row file does not parse every amount in one task — and falls back to the user's region.
import { describe, expect, it } from 'vitest';
import type { ParsedCsv } from '../../../../../renderer/features/notes/csv/crmCsv';
import { guessCurrency } from '../../../../../renderer/features/notes/csv/useImportData';

function file(amounts: readonly string[], currencies?: readonly string[]): ParsedCsv {
  return {
    headers: currencies ? ['Amount', 'Currency'] : ['Amount'],
    rows: amounts.map((amount, i) => ({ line: i + 2, cells: currencies ? [amount, currencies[i]!] : [amount] })),
    rowErrors: new Map(),
    footer: null,
  };
}

describe('guessCurrency', () => {
  it('takes the currency most rows of a 20,000-row file name in a currency column', () => {
    const currencies = Array.from({ length: 20_000 }, (_, i) => (i % 10 < 7 ? 'usd' : 'EUR'));
    const amounts = currencies.map(() => '1200');
    expect(guessCurrency(file(amounts, currencies), { amount: 0, currency: 1 }, '.')).toBe('USD');
  });

  it('reads the codes written into the amounts when there is no currency column', () => {
    const amounts = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? 'USD 1,200.00' : 'EUR 900.50'));
    expect(guessCurrency(file(amounts), { amount: 0 }, '.')).toBe('EUR');
  });

  it('falls back to a currency code when no row names one', () => {
    expect(guessCurrency(file(['1200', '900']), { amount: 0 }, '.')).toMatch(/^[A-Z]{3}$/);
  });
});
