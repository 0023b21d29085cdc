/**
 * How the review writes numbers, money and dates.
 *
 * Money and dates go through formatters made once and warmed before a card needs them: the first
 * `Intl.NumberFormat` for a currency in a page loads ICU's currency data — 15–38 ms measured in Chromium on the
 * 2-core machine (later ones take ~0.1 ms) — and the first `Intl.DateTimeFormat` 2–18 ms. Left to the first
 * card, that landed in the review's opening. `warmDealFormats` makes them while the review warms in the
 * background (reviewData.ts).
 */
import type { DealEntry } from '@shared/domain/deal';

/** A rate in [0, 1] as a whole percentage: "67%". */
export const pct = (v: number): string => `${Math.round(v * 100)}%`;

const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: "20,000". */
export const count = (n: number): string => COUNT.format(n);

/** "1 deal", "20,000 deals". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** At most this many currencies are warmed: a log in more of them makes the rest on first use. */
const WARM_CURRENCIES = 8;

// One formatter per currency: constructing an Intl.NumberFormat costs more than rendering the card around it.
const amountFormats = new Map<string, Intl.NumberFormat | null>();
let dayFormat: Intl.DateTimeFormat | null = null;
let momentFormat: Intl.DateTimeFormat | null = null;

function amountFormat(currency: string): Intl.NumberFormat | null {
  let format = amountFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 });
    } catch {
      format = null; // a code Intl does not know is still shown, as text
    }
    amountFormats.set(currency, format);
  }
  return format;
}

/** `amount` in `currency` as the reader's locale writes money; "12 XYZ" for a code Intl does not know. */
export function formatAmount(amount: number, currency: string): string {
  const format = amountFormat(currency);
  return format ? format.format(amount) : `${amount} ${currency}`;
}

/** As `toLocaleDateString()`. */
export function formatDay(at: number): string {
  return (dayFormat ??= new Intl.DateTimeFormat()).format(at);
}

/** As `toLocaleString()`: date and time to the second. */
export function formatMoment(at: number): string {
  momentFormat ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return momentFormat.format(at);
}

/**
 * Makes the formatters the cards of `deals` will ask for — the day's, and one per currency (the first few
 * the log uses) — so no card pays for loading ICU's data. Returns how many currency formatters exist now.
 */
export function warmDealFormats(deals: readonly Pick<DealEntry, 'currency'>[]): number {
  formatDay(0);
  const seen = new Set<string>();
  for (const deal of deals) {
    if (seen.has(deal.currency)) continue;
    seen.add(deal.currency);
    amountFormat(deal.currency)?.format(0);
    if (seen.size >= WARM_CURRENCIES) break;
  }
  return amountFormats.size;
}
