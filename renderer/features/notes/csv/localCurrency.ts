/**
 * The currency of the user's region, as the default for amounts a file does not say the currency of. It is
 * only a starting value: the import shows it beside the amounts and lets the user change it.
 */

const EURO_REGIONS = new Set(
  'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ').concat(['AD', 'MC', 'SM', 'VA', 'ME']),
);

const REGION_CURRENCY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CH: 'CHF',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  IN: 'INR',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  BR: 'BRL',
  MX: 'MXN',
  SG: 'SGD',
  ZA: 'ZAR',
};

/** The currency code of `locale`'s region (default: the browser's), USD when unknown. */
export function localCurrency(locale: string = navigator.language): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return 'USD'; // not a locale tag: no region to go by
  }
  if (region === undefined) return 'USD';
  if (EURO_REGIONS.has(region)) return 'EUR';
  return Object.hasOwn(REGION_CURRENCY, region) ? REGION_CURRENCY[region]! : 'USD';
}
