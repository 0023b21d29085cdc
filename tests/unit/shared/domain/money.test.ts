import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseMoney } from '../../../../shared/domain/money';

describe('money as CRMs and spreadsheets write it', () => {
  it.each([
    ['USD 48,000.00', '.', 48000, 'USD'],
    ['48,000.00 USD', '.', 48000, 'USD'],
    ['$1,250.50', '.', 1250.5, 'USD'],
    ['CA$ 900', '.', 900, 'CAD'],
    ['48.000,00 €', ',', 48000, 'EUR'],
    ['€ 1.250.000', ',', 1250000, 'EUR'],
    ['EUR 12,5', ',', 12.5, 'EUR'],
    ['£7,250', '.', 7250, 'GBP'],
    ['48 000,5', ',', 48000.5, null],
    ["CHF 1'000.50", '.', 1000.5, 'CHF'],
    ['48000', '.', 48000, null],
    ['48,000', '.', 48000, null],
    ['48.000', ',', 48000, null],
  ] as const)('reads %s (decimal %s) as %d %s', (raw, decimal, amount, currency) =>
    expect(parseMoney(raw, decimal)).toEqual({ amount, currency }),
  );

  it.each([
    ['abc', '.'],
    ['48k', '.'],
    ['=1+1', '.'],
    ['1.2.3', '.'],
    ['48.000,00', '.'], // a German amount read as English is refused, not turned into 48
    ['48,00,0', '.'],
    ['EUR $5', '.'],
  ] as const)('refuses %j with decimal %s', (raw, decimal) => expect(parseMoney(raw, decimal)).toBeNull());

  it('decides a column’s decimal separator by its values', () => {
    expect(detectDecimalSeparator(['48.000,00', '1.250,50', '950'])).toBe(',');
    expect(detectDecimalSeparator(['USD 48,000.00', '12000'])).toBe('.');
    expect(detectDecimalSeparator(['12,5', '3,75', '1.000'])).toBe(',');
    expect(detectDecimalSeparator(['48,000', '12,000'])).toBe('.'); // ambiguous: as CRMs write it
  });
});
