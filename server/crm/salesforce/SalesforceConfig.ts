/**
 * What a Salesforce connection needs to know (docs/CRM.md, "Salesforce"). The CLI builds it from
 * `crm connect --provider salesforce …`; the private key is stored encrypted with the other credentials and
 * only ever reaches this object in memory.
 */

/** The REST API version every path uses (Winter '25); old enough to be on every org, new enough for JSON errors. */
export const SALESFORCE_API_VERSION = 'v62.0';

/** Where the JWT bearer flow signs in when `--login-url` is not given (production orgs). */
export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';

/** A connected app's JWT bearer credentials plus which Opportunity fields carry what. */
export interface SalesforceConfig {
  /** The org's My Domain URL, e.g. https://acme.my.salesforce.com: every REST call goes here. */
  instanceUrl: string;
  /** The `aud` of the JWT and the token endpoint's host: login.salesforce.com, test.salesforce.com or My Domain. */
  loginUrl: string;
  /** The connected app's consumer key (the JWT `iss`). */
  clientId: string;
  /** The integration user's username (the JWT `sub`); it must be pre-authorised on the connected app. */
  username: string;
  /** PEM of the RSA private key whose certificate is uploaded to the connected app. A secret. */
  privateKeyPem: string;
  /** API name of the multi-select picklist holding narrative titles; '' reads and writes no narratives. */
  narrativesField: string;
  /** API name of a text/picklist field naming the competitor a deal was lost to; '' when the org has none. */
  competitorField: string;
  /** API name of the loss-reason field; '' when the org has none. */
  lossReasonField: string;
  /** ISO 4217 currency of a single-currency org (no CurrencyIsoCode field on Opportunity). */
  defaultCurrency: string;
}

/** Tuning that tests shrink; the defaults are what production uses. */
export interface SalesforceTuning {
  /** Records per query batch (`Sforce-Query-Options: batchSize`, 200–2000): one fetchPage per batch. */
  batchSize: number;
  /** `LIMIT` of one query window; the next window starts after the window's last (SystemModstamp, Id). */
  windowSize: number;
  /** Share of the daily API allowance after which the connector stops calling (leaves room for other apps). */
  quotaThreshold: number;
  /** How long to wait before looking at the allowance again once the threshold is crossed. */
  quotaPauseMs: number;
}

/** Production tuning. */
export const DEFAULT_TUNING: SalesforceTuning = {
  batchSize: 200,
  windowSize: 2000,
  quotaThreshold: 0.8,
  quotaPauseMs: 60 * 60 * 1000,
};

// Standard and custom field API names: letters, digits, underscores, optionally a namespace and `__c`.
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/**
 * Why a configured field name cannot be used, or null when it is fine. Names go into SOQL verbatim, so
 * anything but an API name is refused before it can change the query.
 */
export function fieldNameProblem(name: string, option: string): string | null {
  if (name === '' || FIELD_NAME.test(name)) return null;
  return `${option} must be a field API name such as Loss_Reason__c (letters, digits and underscores)`;
}
