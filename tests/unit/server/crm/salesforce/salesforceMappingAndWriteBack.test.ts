/**
 * What a storyteller sees of a Salesforce deal (outcome, money, owner, narratives) and what Duet writes
 * back: the narratives multi-select, checked rather than created (see docs/CRM.md, "Salesforce").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { START_CURSOR, type CrmDeal } from '../../../../../server/crm/CrmConnector';
import { SalesforceConnector } from '../../../../../server/crm/salesforce/SalesforceConnector';
import {
  closeFakeOrgs,
  drain,
  opportunity,
  opportunityFields,
  opportunityId,
  startFakeOrg,
} from './fakeSalesforce/fakeOrg';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
afterEach(closeFakeOrgs);

const closedLost = { StageName: 'Closed Lost', IsClosed: true, IsWon: false };

function byId(deals: CrmDeal[]): Map<string, CrmDeal> {
  return new Map(deals.map((d) => [d.crmId, d]));
}

describe('Salesforce mapping', () => {
  it('maps outcome, amount, currency, owner and narratives as the storyteller expects', async () => {
    const org = await startFakeOrg([
      opportunity(0, T0, {
        StageName: 'Closed Won',
        IsClosed: true,
        IsWon: true,
        Duet_Narratives__c: 'Speed;Cost of delay',
      }),
      opportunity(1, T0, { ...closedLost, Competitor__c: 'Globex' }),
      opportunity(2, T0, { ...closedLost, Loss_Reason__c: 'Lost to competitor' }),
      opportunity(3, T0, { ...closedLost, Loss_Reason__c: 'No decision' }),
      opportunity(4, T0, { 'Account.Name': null, 'Owner.Email': null, Amount: null }),
    ]);
    const deals = byId((await drain(new SalesforceConnector(org.config), START_CURSOR)).deals);
    expect(deals.get(opportunityId(0))).toEqual({
      crmId: opportunityId(0),
      account: 'Account 0',
      dealName: 'Deal 0',
      stage: 'Closed Won',
      outcome: 'won',
      amount: 1000,
      currency: 'EUR', // single-currency org: the configured company currency
      closeDate: '2026-03-31',
      competitor: '',
      lossReason: '',
      ownerEmail: 'rep@acme.example',
      narratives: ['Speed', 'Cost of delay'],
      modifiedAt: '2026-11-02T09:00:00.000Z',
    });
    expect([1, 2, 3, 4].map((n) => deals.get(opportunityId(n))?.outcome)).toEqual([
      'lost-competitor',
      'lost-competitor',
      'lost-no-decision',
      'open',
    ]);
    expect(deals.get(opportunityId(4))).toMatchObject({ account: '', ownerEmail: '', amount: null });
  });

  it('a multi-currency org gives each deal its own CurrencyIsoCode', async () => {
    const org = await startFakeOrg(
      [opportunity(0, T0, { CurrencyIsoCode: 'JPY' })],
      opportunityFields({ multiCurrency: true }),
    );
    const [deal] = (await drain(new SalesforceConnector(org.config), START_CURSOR)).deals;
    expect(deal?.currency).toBe('JPY');
  });

  it('a configured field the org lacks is a config failure naming it', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const page = await new SalesforceConnector({ ...org.config, competitorField: 'Main_Competitor__c' }).fetchPage(
      START_CURSOR,
    );
    expect(page).toMatchObject({ ok: false, code: 'config' });
    if (!page.ok) expect(page.message).toContain('Main_Competitor__c');
  });
});

describe('Salesforce narrative write-back', () => {
  it('writes cited narratives to the multi-select, and the next sync reads them back', async () => {
    const records = [opportunity(0, T0), opportunity(1, T0)];
    const org = await startFakeOrg(records);
    const fake = org.fake;
    fake.now = () => T0 + 60_000;
    const connector = new SalesforceConnector(org.config);
    const first = await drain(connector, START_CURSOR);
    expect(await connector.writeNarratives(opportunityId(1), ['Speed', 'Cost of delay'])).toEqual({ ok: true });
    expect(records[1]!.Duet_Narratives__c).toBe('Speed;Cost of delay');
    const next = await drain(connector, first.cursor);
    expect(next.deals.map((d) => [d.crmId, d.narratives])).toEqual([[opportunityId(1), ['Speed', 'Cost of delay']]]);

    expect(await connector.writeNarratives(opportunityId(1), [])).toEqual({ ok: true });
    expect(records[1]!.Duet_Narratives__c).toBeNull();
  });

  it('refuses what Salesforce would mangle or reject, with a message that says what to do', async () => {
    const org = await startFakeOrg([opportunity(0, T0)], opportunityFields({ restrictedNarratives: ['Speed'] }));
    const connector = new SalesforceConnector(org.config);
    const semicolon = await connector.writeNarratives(opportunityId(0), ['Fast; cheap']);
    expect(semicolon).toMatchObject({ ok: false, code: 'config' });
    const restricted = await connector.writeNarratives(opportunityId(0), ['Speed', 'Trust']);
    expect(restricted).toMatchObject({ ok: false, code: 'config' });
    if (!restricted.ok) expect(restricted.message).toContain('Restrict picklist');
    const gone = await connector.writeNarratives(opportunityId(9), ['Speed']);
    expect(gone).toMatchObject({ ok: false, code: 'config' });
    if (!gone.ok) expect(gone.message).toContain('no longer exists');
  });

  it('checks the narratives field: missing, wrong type, restricted without the titles, or ready', async () => {
    const fields = opportunityFields().filter((f) => f.name !== 'Duet_Narratives__c');
    const org = await startFakeOrg([opportunity(0, T0)], fields);
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config);
    const missing = await connector.ensureNarrativeProperty(['Speed']);
    expect(missing).toMatchObject({ ok: false, code: 'config' });
    if (!missing.ok) expect(missing.message).toContain('Picklist (Multi-Select)');

    fake.fields = [...fields, { name: 'Duet_Narratives__c', type: 'string', updateable: true }];
    const wrongType = await connector.ensureNarrativeProperty(['Speed']);
    if (!wrongType.ok) expect(wrongType.message).toContain('is a string field');
    expect(wrongType.ok).toBe(false);

    fake.fields = opportunityFields({ restrictedNarratives: ['Speed'] });
    const lacking = await connector.ensureNarrativeProperty(['Speed', 'Trust']);
    if (!lacking.ok) expect(lacking.message).toContain('lacks: Trust');
    expect(lacking.ok).toBe(false);

    fake.fields = opportunityFields();
    expect(await connector.ensureNarrativeProperty(['Speed', 'Trust'])).toEqual({ ok: true });
  });
});
