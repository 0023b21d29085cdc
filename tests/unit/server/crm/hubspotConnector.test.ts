// The HubSpot connector against the local fake (written from HubSpot's public reference): what it reads,
// how it pages past the 10,000-result cap and through thousands of deals sharing one timestamp, and what
// each refusal becomes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { START_CURSOR, type CrmConnector, type CrmCursor, type CrmDeal } from '../../../../server/crm/CrmConnector';
import { hubspotProvider } from '../../../../server/crm/hubspot/hubspotProvider';
import type { CrmSettings } from '../../../../server/crm/store/CrmStore';
import { startFakeHubSpot, type FakeHubSpot } from '../helpers/fakeHubSpot';

let fake: FakeHubSpot;
beforeEach(async () => {
  fake = await startFakeHubSpot();
});
afterEach(async () => {
  await fake.close();
});

function connector(extra: Partial<CrmSettings> = {}, rate = '3'): CrmConnector {
  const settings: CrmSettings = {
    playbookId: 'p1',
    narrativesProperty: 'duet_narratives',
    competitorField: 'competitor',
    lossReasonField: '',
    writeBack: false,
    apiBase: fake.url,
    pollSeconds: 60,
    extra: { currency: 'EUR', requestsPerSecond: rate },
    ...extra,
  };
  return hubspotProvider.create({ token: 'pat-test-token' }, settings);
}

/** Fetches until caught up; returns every deal read (with repeats) and the number of pages. */
async function drain(c: CrmConnector, from: CrmCursor = START_CURSOR) {
  const seen: CrmDeal[] = [];
  let cursor = from;
  for (let pages = 1; pages < 1000; pages++) {
    const page = await c.fetchPage(cursor);
    if (!page.ok) throw new Error(page.message);
    seen.push(...page.deals);
    cursor = page.cursor;
    if (page.done) return { seen, cursor, pages };
  }
  throw new Error('the connector never caught up (a loop)');
}

describe('the HubSpot connector', () => {
  it('translates a deal: outcome, amount and currency, dates, stage label, owner e-mail, narratives', async () => {
    fake.owners.push({ id: '77', email: 'sam@acme.test', firstName: 'Sam', lastName: 'Lee' });
    fake.addDeals(1, '2026-03-01T10:00:00.000Z', () => ({
      dealname: 'Globex renewal',
      amount: '48000.5',
      deal_currency_code: 'usd',
      closedate: '2026-02-27T00:00:00.000Z',
      dealstage: 'closedlost',
      hs_is_closed: 'true',
      hubspot_owner_id: '77',
      competitor: 'Initech',
      closed_lost_reason: 'Price',
      duet_narratives: 'Faster onboarding;n-cost',
    }));
    const { seen } = await drain(connector());
    expect(seen).toEqual([
      {
        crmId: '1001',
        account: 'Globex renewal',
        dealName: 'Globex renewal',
        stage: 'Closed Lost',
        outcome: 'lost-competitor',
        amount: 48000.5,
        currency: 'USD',
        closeDate: '2026-02-27',
        competitor: 'Initech',
        lossReason: 'Price',
        ownerEmail: 'sam@acme.test',
        narratives: ['Faster onboarding', 'n-cost'],
        modifiedAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('refuses paging past 10,000 results, as HubSpot does (the fake enforces the cap)', async () => {
    const response = await fetch(`${fake.url}/crm/v3/objects/deals/search`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pat-test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ limit: 200, after: '10000', filterGroups: [] }),
    });
    expect(response.status).toBe(400);
  });

  it('reads 25,000 deals, 12,000 of them with one timestamp, across the cap: every deal, no loop', async () => {
    fake.perSecond = 100;
    fake.addDeals(6_000, '2026-01-01T00:00:00.000Z');
    fake.addDeals(12_000, '2026-01-02T00:00:00.000Z'); // far more than one query may return
    for (let i = 0; i < 7_000; i++)
      fake.addDeals(1, new Date(Date.parse('2026-01-03T00:00:00Z') + i * 1000).toISOString());
    const { seen, cursor, pages } = await drain(connector({}, '80'));
    const ids = new Set(seen.map((d) => d.crmId));
    expect(ids.size).toBe(25_000);
    // Re-reads are bounded: the first page of each crowded timestamp (read again in id order) and one
    // deal per page boundary — 2 × 200 + ~35 here, not a loop.
    expect(seen.length - ids.size).toBeLessThanOrEqual(2 * 200 + 40);
    expect(pages).toBeLessThan(140);
    expect(cursor.since).toBe(new Date(Date.parse('2026-01-03T00:00:00Z') + 6_999_000).toISOString());
    // Nothing new: one more call reads nothing and stays put.
    const again = await drain(connector({}, '80'), cursor);
    expect(again.seen).toEqual([]);
    // A deal edited later is read again, alone.
    fake.editDeal('1500', { dealname: 'Renamed' }, '2026-02-01T00:00:00.000Z');
    const edited = await drain(connector({}, '80'), cursor);
    expect(edited.seen.map((d) => [d.crmId, d.dealName])).toEqual([['1500', 'Renamed']]);
  }, 120_000);

  it('stays under the per-second limit on its own (no 429 from a long read)', async () => {
    fake.addDeals(1_400, '2026-01-01T00:00:00.000Z', () => ({}));
    for (let i = 0; i < 6; i++) fake.addDeals(1, `2026-01-0${i + 2}T00:00:00.000Z`);
    await drain(connector());
    expect(fake.log.searches).toBeGreaterThan(7);
    expect(fake.log.tooMany).toBe(0);
  }, 30_000);

  it('turns refusals into failures the runner acts on: 401, 429 with Retry-After, 500', async () => {
    fake.addDeals(3, '2026-01-01T00:00:00.000Z');
    const c = connector();
    const swept = { ...START_CURSOR, sweep: `at:${Date.now()}` }; // deleted deals just listed: searches come first
    fake.faults.push({ status: 429, retryAfter: 7 }, { status: 500 });
    expect(await c.fetchPage(swept)).toMatchObject({ ok: false, code: 'rate-limited', retryAfterMs: 7000 });
    expect(await c.fetchPage(swept)).toMatchObject({ ok: false, code: 'provider' });
    fake.tokens.clear();
    const revoked = await c.fetchPage(START_CURSOR);
    expect(revoked).toMatchObject({ ok: false, code: 'auth' });
    expect(JSON.stringify(revoked)).not.toContain('pat-test-token');
  });

  it('lists deals deleted in HubSpot page by page, resumably, and only once per check interval', async () => {
    fake.perSecond = 100;
    const deals = fake.addDeals(250, '2026-01-01T00:00:00.000Z');
    const c = connector({ extra: { currency: 'EUR', requestsPerSecond: '50', deletionCheckSeconds: '600' } });
    const first = await drain(c);
    expect(new Set(first.seen.map((d) => d.crmId)).size).toBe(250);
    expect(fake.log.archivedLists).toBe(1); // a new connection lists them once, before its first search
    for (const deal of deals.slice(0, 150)) fake.archiveDeal(deal.id, '2026-01-02T00:00:00.000Z');
    // Not due yet: a poll searches only (deleted deals never appear in a search).
    const poll = await c.fetchPage(first.cursor);
    expect(poll).toMatchObject({ ok: true, deals: [], deleted: [], done: true });
    expect(fake.log.archivedLists).toBe(1);
    // Due (the last sweep was long ago): 100 a page; a sweep cut short by a kill resumes from its cursor.
    const due = { ...first.cursor, sweep: 'at:0' };
    const page1 = await c.fetchPage(due);
    if (!page1.ok) throw new Error(page1.message);
    expect(page1.deleted).toHaveLength(100);
    expect(page1.done).toBe(false);
    expect(page1.cursor.sweep).toMatch(/^after:/);
    const resumed = await connector({ extra: { currency: 'EUR', deletionCheckSeconds: '600' } }).fetchPage(
      page1.cursor,
    );
    if (!resumed.ok) throw new Error(resumed.message);
    expect(new Set([...page1.deleted, ...resumed.deleted])).toEqual(new Set(deals.slice(0, 150).map((d) => d.id)));
    expect(resumed.cursor.sweep).toMatch(/^at:\d+$/);
    expect(resumed.cursor.since).toBe(first.cursor.since); // the sweep leaves the modified-deals read alone
  });

  it('creates the narratives property once, adds new options later, and writes a deal back', async () => {
    const [deal] = fake.addDeals(1, '2026-01-01T00:00:00.000Z');
    const c = connector();
    expect(await c.ensureNarrativeProperty(['Faster onboarding'])).toEqual({ ok: true });
    expect(await c.ensureNarrativeProperty(['Faster onboarding', 'Lower cost'])).toEqual({ ok: true });
    expect(fake.properties.get('duet_narratives')).toMatchObject({
      type: 'enumeration',
      fieldType: 'checkbox',
      options: [
        { label: 'Faster onboarding', value: 'Faster onboarding' },
        { label: 'Lower cost', value: 'Lower cost' },
      ],
    });
    expect(await c.writeNarratives(deal!.id, ['Lower cost', 'Faster onboarding'])).toEqual({ ok: true });
    expect(fake.deals.get(deal!.id)!.properties.duet_narratives).toBe('Lower cost;Faster onboarding');
    expect(await c.writeNarratives('999999', ['Lower cost'])).toMatchObject({ ok: false, code: 'config' });
  });
});
