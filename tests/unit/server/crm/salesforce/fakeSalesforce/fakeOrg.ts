/**
 * A ready fake org for connector tests: a fresh RSA key pair per run (generated here, never committed), the
 * connected app pre-authorising one integration user, Opportunities made by `opportunity()`, and the
 * `SalesforceConfig` a `crm connect` would have stored for it.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { CrmConnector, CrmCursor, CrmDeal, CrmFailure } from '../../../../../../server/crm/CrmConnector';
import type { SalesforceConfig } from '../../../../../../server/crm/salesforce/SalesforceConfig';
import { FakeSalesforce, type FakeField, type FakeRecord } from './FakeSalesforce';

export const CLIENT_ID = '3MVG9FAKE.consumer.key';

const started = new Set<FakeSalesforce>();

/** Closes every org `startFakeOrg` started; test files run it `afterEach`. */
export async function closeFakeOrgs(): Promise<void> {
  await Promise.all([...started].map((fake) => fake.close()));
  started.clear();
}
export const USERNAME = 'duet-integration@acme.example';

/** A 2048-bit RSA key pair in PEM, as `openssl req -newkey rsa:2048` would give the admin. */
export function rsaKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Opportunity's standard fields plus the custom ones Duet is configured with. */
export function opportunityFields(
  options: { multiCurrency?: boolean; restrictedNarratives?: string[] } = {},
): FakeField[] {
  const fields: FakeField[] = [
    { name: 'Id', type: 'id', updateable: false },
    { name: 'IsDeleted', type: 'boolean', updateable: false },
    { name: 'Name', type: 'string', updateable: true },
    { name: 'AccountId', type: 'reference', updateable: true },
    { name: 'StageName', type: 'picklist', updateable: true },
    { name: 'IsClosed', type: 'boolean', updateable: false },
    { name: 'IsWon', type: 'boolean', updateable: false },
    { name: 'Amount', type: 'currency', updateable: true },
    { name: 'CloseDate', type: 'date', updateable: true },
    { name: 'OwnerId', type: 'reference', updateable: true },
    { name: 'SystemModstamp', type: 'datetime', updateable: false },
    { name: 'Competitor__c', type: 'string', updateable: true },
    { name: 'Loss_Reason__c', type: 'picklist', updateable: true },
    {
      name: 'Duet_Narratives__c',
      type: 'multipicklist',
      updateable: true,
      restrictedPicklist: options.restrictedNarratives !== undefined,
      picklistValues: options.restrictedNarratives ?? [],
    },
  ];
  if (options.multiCurrency) fields.push({ name: 'CurrencyIsoCode', type: 'picklist', updateable: true });
  return fields;
}

/** The 18-character id of the n-th fake Opportunity (sorts in creation order). */
export function opportunityId(n: number): string {
  return `006FAKE${String(n).padStart(8, '0')}AAA`;
}

/** One Opportunity; open, modified at `modstamp`, unless overridden. */
export function opportunity(n: number, modstamp: number, overrides: FakeRecord = {}): FakeRecord {
  return {
    Id: opportunityId(n),
    IsDeleted: false,
    Name: `Deal ${n}`,
    'Account.Name': `Account ${n}`,
    StageName: 'Prospecting',
    IsClosed: false,
    IsWon: false,
    Amount: 1000 + n,
    CloseDate: '2026-03-31',
    'Owner.Email': 'Rep@Acme.example',
    SystemModstamp: modstamp,
    Competitor__c: null,
    Loss_Reason__c: null,
    Duet_Narratives__c: null,
    ...overrides,
  };
}

/** A started fake org and the configuration that signs in to it. */
export async function startFakeOrg(
  records: FakeRecord[],
  fields: FakeField[] = opportunityFields(),
): Promise<{ fake: FakeSalesforce; config: SalesforceConfig; keys: ReturnType<typeof rsaKeyPair> }> {
  const keys = rsaKeyPair();
  const { createPublicKey } = await import('node:crypto');
  const fake = await new FakeSalesforce(
    {
      clientId: CLIENT_ID,
      publicKey: createPublicKey(keys.publicKeyPem),
      preAuthorised: new Set([USERNAME]),
      audience: '',
    },
    records,
    fields,
  ).start();
  started.add(fake);
  const config: SalesforceConfig = {
    instanceUrl: fake.url,
    loginUrl: fake.url,
    clientId: CLIENT_ID,
    username: USERNAME,
    privateKeyPem: keys.privateKeyPem,
    narrativesField: 'Duet_Narratives__c',
    competitorField: 'Competitor__c',
    lossReasonField: 'Loss_Reason__c',
    defaultCurrency: 'EUR',
  };
  return { fake, config, keys };
}

/**
 * Runs fetchPage until done, as the runner does: applies each page by CRM id and keeps its cursor. A failure
 * goes to `onFailure`, which returns true to retry with the same cursor or false to stop.
 */
export async function drain(
  connector: CrmConnector,
  start: CrmCursor,
  onFailure: (failure: CrmFailure) => boolean = () => false,
): Promise<{ deals: CrmDeal[]; cursor: CrmCursor; pages: number; failures: CrmFailure[] }> {
  const deals: CrmDeal[] = [];
  const failures: CrmFailure[] = [];
  let cursor = start;
  let pages = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await connector.fetchPage(cursor);
    if (!page.ok) {
      failures.push(page);
      if (onFailure(page)) continue;
      return { deals, cursor, pages, failures };
    }
    pages++;
    deals.push(...page.deals);
    cursor = page.cursor;
    if (page.done) return { deals, cursor, pages, failures };
  }
  throw new Error('drain did not finish: the connector loops');
}
