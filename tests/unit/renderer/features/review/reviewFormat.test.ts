/**
 * The review's money and date formatters: money and dates as the reader's locale writes them, an unknown currency still
 * shown, and every formatter a review's cards need made while the review warms — not by the first card.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatAmount,
  formatDay,
  formatMoment,
  warmDealFormats,
} from '../../../../../renderer/features/review/reviewFormat';

afterEach(() => vi.restoreAllMocks());

describe('deal formats', () => {
  it('write amounts and dates as the locale does, and show a currency Intl does not know as text', () => {
    expect(formatAmount(1234.5, 'EUR')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 }).format(1234.5),
    );
    expect(formatAmount(12, 'not a code')).toBe('12 not a code');
    const at = Date.UTC(2026, 4, 3, 14, 5, 9);
    expect(formatDay(at)).toBe(new Date(at).toLocaleDateString());
    expect(formatMoment(at)).toBe(new Date(at).toLocaleString());
  });

  it('are made while warming, once per currency the log uses, so no card constructs one', () => {
    const deals = [{ currency: 'SEK' }, { currency: 'NOK' }, { currency: 'SEK' }, { currency: 'DKK' }];
    warmDealFormats(deals);
    const numberFormats = vi.spyOn(Intl, 'NumberFormat');
    const dateFormats = vi.spyOn(Intl, 'DateTimeFormat');
    for (const { currency } of deals) formatAmount(100, currency);
    formatDay(Date.UTC(2026, 0, 1));
    expect(numberFormats).not.toHaveBeenCalled();
    expect(dateFormats).not.toHaveBeenCalled();
    formatAmount(100, 'CHF'); // a currency the log did not use is made on first use
    expect(numberFormats).toHaveBeenCalledTimes(1);
  });

  it('warm at most eight currencies, however many the log uses', () => {
    const before = warmDealFormats([]);
    const many = ['AUD', 'BRL', 'CAD', 'CNY', 'CZK', 'HKD', 'HUF', 'INR', 'JPY', 'KRW', 'MXN', 'NZD'];
    expect(warmDealFormats(many.map((currency) => ({ currency })))).toBe(before + 8);
  });
});
