import { describe, expect, it } from 'vitest';
import { isIsoDate, parseLocaleAmount, parseLocaleDate } from '../../../../shared/domain/deal';

describe('amounts and dates as CRMs write them', () => {
  it.each([
    ['48000', 48000],
    ['48,000', 48000],
    ['48.000', 48000],
    ['48,000.50', 48000.5],
    ['48.000,50', 48000.5],
    ['48 000,5', 48000.5],
    ['€ 1.250.000', 1250000],
    ['EUR 12,5', 12.5],
    ['1,234,567.89 USD', 1234567.89],
    ['0', 0],
  ])('reads %s as %d', (raw, value) => expect(parseLocaleAmount(raw)).toBe(value));

  it.each(['', 'abc', '48k', '=1+1', '1.2.3,4,5', '--5'])('refuses %j', (raw) =>
    expect(parseLocaleAmount(raw)).toBeNull(),
  );

  it('reads ISO and local dates, in the order the file uses', () => {
    expect(parseLocaleDate('2026-05-14')).toBe('2026-05-14');
    expect(parseLocaleDate('2026-05-14T10:00:00Z')).toBe('2026-05-14');
    expect(parseLocaleDate('14/05/2026', 'dmy')).toBe('2026-05-14');
    expect(parseLocaleDate('14.05.2026', 'dmy')).toBe('2026-05-14');
    expect(parseLocaleDate('5/14/2026', 'mdy')).toBe('2026-05-14');
    expect(parseLocaleDate('5/14/2026', 'dmy')).toBeNull();
    expect(parseLocaleDate('2026-02-30')).toBeNull();
    expect(parseLocaleDate('yesterday')).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
  });
});
