/**
 * Incremental sync from a fake Salesforce org: every Opportunity arrives exactly once, however many share
 * one SystemModstamp, however the paging is interrupted, and whether or not the query cursor survived.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { START_CURSOR, type CrmDeal } from '../../../../../server/crm/CrmConnector';
import { SalesforceConnector } from '../../../../../server/crm/salesforce/SalesforceConnector';
import { closeFakeOrgs, drain, opportunity, opportunityId, startFakeOrg } from './fakeSalesforce/fakeOrg';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const SMALL = { tuning: { batchSize: 200, windowSize: 2000 } };
afterEach(closeFakeOrgs);

function ids(deals: CrmDeal[]): string[] {
  return deals.map((d) => d.crmId);
}

function expectEachOnce(deals: CrmDeal[], count: number): void {
  const unique = new Set(ids(deals));
  expect(unique.size).toBe(deals.length); // no duplicates
  expect(unique).toEqual(new Set(Array.from({ length: count }, (_, n) => opportunityId(n)))); // no gaps
}

describe('Salesforce incremental sync', () => {
  it('2,500 Opportunities with one SystemModstamp arrive exactly once across batches and query windows', async () => {
    // Inserted in reverse so the org's storage order is not the Id order the connector relies on.
    const records = Array.from({ length: 2500 }, (_, n) => opportunity(2499 - n, T0));
    const org = await startFakeOrg(records);
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config, SMALL);

    const first = await drain(connector, START_CURSOR);
    expect(first.failures).toEqual([]);
    expectEachOnce(first.deals, 2500);
    expect(ids(first.deals)).toEqual([...ids(first.deals)].sort()); // oldest first, ties by Id
    // Two windows: 2,000 (10 batches of 200) and the 500 after the window's last Id (3 batches).
    const queries = fake.requests.filter((r) => r.path.endsWith('/queryAll')).length;
    const mores = fake.requests.filter((r) => r.path.includes('/query/01g')).length;
    expect({ queries, mores }).toEqual({ queries: 2, mores: 11 });
    expect(first.cursor).toEqual({ since: new Date(T0).toISOString(), afterId: opportunityId(2499), page: null });

    const again = await drain(connector, first.cursor);
    expect(again.deals).toEqual([]); // nothing changed: neither a loop nor a re-read
  });

  it('ties that straddle batch boundaries are neither skipped nor repeated', async () => {
    // Groups of 7 records per millisecond-free timestamp, so ties cross every 200-record batch edge.
    const records = Array.from({ length: 1000 }, (_, n) => opportunity(n, T0 + Math.floor(n / 7) * 1000));
    const org = await startFakeOrg(records);
    const result = await drain(
      new SalesforceConnector(org.config, { tuning: { batchSize: 200, windowSize: 300 } }),
      START_CURSOR,
    );
    expectEachOnce(result.deals, 1000);
  });

  it('a deal changed after a sync, and a new one, are the only ones the next sync reads', async () => {
    const records = Array.from({ length: 50 }, (_, n) => opportunity(n, T0 + n * 1000));
    const org = await startFakeOrg(records);
    const connector = new SalesforceConnector(org.config, SMALL);
    const first = await drain(connector, START_CURSOR);
    expect(first.deals).toHaveLength(50);

    const changed = records[10]!;
    changed.StageName = 'Closed Won';
    changed.IsClosed = true;
    changed.IsWon = true;
    changed.SystemModstamp = T0 + 3_600_000;
    records.push(opportunity(50, T0 + 3_600_000));
    const next = await drain(connector, first.cursor);
    expect(ids(next.deals)).toEqual([opportunityId(10), opportunityId(50)]);
    expect(next.deals[0]!.outcome).toBe('won');
  });

  it('a 500 in the middle of paging is retried from the same cursor with no duplicates and no gaps', async () => {
    const records = Array.from({ length: 1000 }, (_, n) => opportunity(n, T0 + Math.floor(n / 40) * 1000));
    const org = await startFakeOrg(records);
    const fake = org.fake;
    fake.failNext(
      /\/query\/01g\w+-600$/,
      500,
      'UNKNOWN_EXCEPTION',
      'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-5678 (-1)',
    );
    const result = await drain(new SalesforceConnector(org.config, SMALL), START_CURSOR, (f) => f.code === 'provider');
    expect(result.failures.map((f) => f.code)).toEqual(['provider']);
    expect(result.failures[0]!.message).toContain('500');
    expectEachOnce(result.deals, 1000);
  });

  it('a restart after the query cursor expired resumes from the stored watermark', async () => {
    const records = Array.from({ length: 1000 }, (_, n) => opportunity(n, T0 + Math.floor(n / 3) * 1000));
    const org = await startFakeOrg(records);
    const fake = org.fake;
    // The first process applies three pages, stores the cursor, and dies.
    const before = new SalesforceConnector(org.config, SMALL);
    let cursor = START_CURSOR;
    const applied: CrmDeal[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await before.fetchPage(cursor);
      if (!page.ok) throw new Error(page.message);
      applied.push(...page.deals);
      cursor = page.cursor;
    }
    expect(cursor.page).toMatch(/^\/services\/data\/v62\.0\/query\/01g/);
    fake.expireLocators(); // more than 15 minutes pass before the restart
    const after = await drain(new SalesforceConnector(org.config, SMALL), cursor);
    expect(after.failures).toEqual([]);
    expectEachOnce([...applied, ...after.deals], 1000);
  });
});
