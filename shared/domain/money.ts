/**
 * Money as CRMs and spreadsheets write it: "USD 48,000.00" (Salesforce), "48.000,00 €" (German Excel),
 * "$1,250.50", "CHF 1'000". The currency travels with the amount when the text says it, so a dollar deal is
 * never read as euros; the decimal separator is decided once per file (see `detectDecimalSeparator`), so
 * "48.000" means the same thing on every row of one file.
 */

/** Which character separates the decimals. */
export type DecimalSeparator = '.' | ',';

/** Symbols that name one currency without doubt (a bare "$" is read as USD; "CA$", "A$" are their own). */
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['US$', 'USD'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['$', 'USD'],
];

/** An amount read from text: the number, and the currency when the text names one. */
export interface Money {
  amount: number;
  currency: string | null;
}

/** Splits a currency code or symbol off either end of `raw`; null currency when there is none. */
function splitCurrency(raw: string): { rest: string; currency: string | null } | null {
  let rest = raw.trim();
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*(?=[-\d.,$€£¥])|(?<=[\d.,])\s*([A-Z]{3})$/.exec(rest);
  if (code) {
    currency = code[1] ?? code[2]!;
    rest = rest.replace(code[0], '').trim();
  }
  for (const [symbol, symbolCurrency] of SYMBOLS) {
    if (!rest.startsWith(symbol) && !rest.endsWith(symbol) && !rest.startsWith(`-${symbol}`)) continue;
    if (currency !== null && currency !== symbolCurrency) return null; // "EUR $5": which one?
    currency = symbolCurrency;
    rest = rest.replace(symbol, '').trim();
    break;
  }
  return { rest, currency };
}

/**
 * Reads "48,000.00", "48.000,00", "48 000", "1'000", with an optional currency code or symbol. `decimal` says
 * which separator is the decimal one; the other is only allowed as a thousands separator between groups of
 * three digits. Null when the text is not an amount (nothing is guessed).
 */
export function parseMoney(raw: string, decimal: DecimalSeparator): Money | null {
  const split = splitCurrency(raw);
  if (split === null) return null;
  const thousands = decimal === '.' ? ',' : '.';
  const text = split.rest.replace(/[\s\u00a0\u202f']/g, '');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '', fraction, extra] = body.split(decimal);
  if (extra !== undefined || whole === '') return null;
  const grouped = thousands === ',' ? /^\d{1,3}(?:,\d{3})*$/ : /^\d{1,3}(?:\.\d{3})*$/;
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const value = Number(`${negative ? '-' : ''}${whole.split(thousands).join('')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { amount: value, currency: split.currency } : null;
}

/**
 * Decides a column's decimal separator from its values: a comma followed by one, two or more than three
 * digits at the end ("12,5", "48.000,00") says comma; the same with a point says point. Ambiguous columns
 * ("48,000" only) are read with a point, as CRMs write them. Counts votes, so one odd cell does not decide.
 */
export function detectDecimalSeparator(values: Iterable<string>): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const value of values) {
    const text = value.replace(/[^\d.,]/g, '');
    const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
    if (last < 0) continue;
    const digitsAfter = text.length - last - 1;
    const both = text.includes('.') && text.includes(',');
    if (!both && digitsAfter === 3) continue;
    if (text[last] === ',') comma++;
    else point++;
  }
  return comma > point ? ',' : '.';
}
