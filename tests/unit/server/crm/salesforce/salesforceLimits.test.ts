/**
 * Staying polite with the org's daily API allowance: the Sforce-Limit-Info header is read on every reply,
 * the connector stops well before the allowance is spent, and Salesforce's own refusals come back as values
 * the runner can wait on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { START_CURSOR } from '../../../../../server/crm/CrmConnector';
import { parseLimitInfo } from '../../../../../server/crm/salesforce/ApiLimitGuard';
import { SalesforceConnector } from '../../../../../server/crm/salesforce/SalesforceConnector';
import { closeFakeOrgs, drain, opportunity, startFakeOrg } from './fakeSalesforce/fakeOrg';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
afterEach(closeFakeOrgs);

describe('Salesforce API limits', () => {
  it('reads api-usage out of Sforce-Limit-Info', () => {
    expect(parseLimitInfo('api-usage=10018/100000')).toEqual({ used: 10018, max: 100000 });
    expect(parseLimitInfo('per-app-api-usage=17/250(appName=sample), api-usage=25/5000')).toEqual({
      used: 25,
      max: 5000,
    });
    expect(parseLimitInfo(null)).toBeNull();
  });

  it('stops at 80 % of the daily allowance without calling again, and looks again after the pause', async () => {
    const org = await startFakeOrg(Array.from({ length: 1000 }, (_, n) => opportunity(n, T0 + n)));
    const fake = org.fake;
    fake.apiUsage.max = 1000;
    fake.apiUsage.used = 795;
    let now = Date.now(); // the fake checks the assertion's exp against its own clock
    const connector = new SalesforceConnector(org.config, {
      tuning: { batchSize: 200, quotaThreshold: 0.8, quotaPauseMs: 3_600_000 },
      now: () => now,
    });
    const first = await drain(connector, START_CURSOR);
    const quota = first.failures[0];
    expect(quota).toMatchObject({ ok: false, code: 'quota' });
    expect(quota?.retryAfterMs).toBe(3_600_000);
    expect(quota?.message).toContain('80 %');
    expect(fake.apiUsage.used).toBe(800); // the call that crossed the line, and not one more
    expect(connector.apiUsage).toEqual({ used: 800, max: 1000 });

    const requestsBefore = fake.requests.length;
    expect(await connector.fetchPage(first.cursor)).toMatchObject({ code: 'quota' });
    expect(fake.requests.length).toBe(requestsBefore);

    fake.apiUsage.used = 100; // the rolling 24-hour window moved on
    now += 3_600_000;
    const rest = await drain(connector, first.cursor);
    expect(rest.failures).toEqual([]);
    expect(new Set([...first.deals, ...rest.deals].map((d) => d.crmId)).size).toBe(1000);
    expect(first.deals.length + rest.deals.length).toBe(1000);
  });

  it('REQUEST_LIMIT_EXCEEDED for the daily total is a quota wait; for concurrency a short rate limit', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config);
    fake.apiUsage.used = fake.apiUsage.max;
    const spent = await connector.fetchPage(START_CURSOR);
    expect(spent).toMatchObject({ ok: false, code: 'quota' });
    expect(spent.ok ? 0 : spent.retryAfterMs).toBeGreaterThan(0);

    const org2 = await startFakeOrg([opportunity(0, T0)]);
    org2.fake.failNext(/\/query/, 403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.');
    const busy = await new SalesforceConnector(org2.config).fetchPage(START_CURSOR);
    expect(busy).toMatchObject({ ok: false, code: 'rate-limited' });
  });

  it('503 and 500 are provider failures and the same cursor works once Salesforce is back', async () => {
    const org = await startFakeOrg([opportunity(0, T0), opportunity(1, T0)]);
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config);
    fake.failNext(/\/query/, 503, 'SERVER_UNAVAILABLE', 'Server is temporarily unavailable');
    const down = await connector.fetchPage(START_CURSOR);
    expect(down).toMatchObject({ ok: false, code: 'provider' });
    if (!down.ok) expect(down.message).toContain('503');
    const back = await connector.fetchPage(START_CURSOR);
    expect(back.ok && back.deals.length).toBe(2);
  });

  it('a sync stopped in the middle of a request ends with a value, not an exception', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const fake = org.fake;
    fake.delayMs = 2000;
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const page = await new SalesforceConnector(org.config).fetchPage(START_CURSOR, stop.signal);
    expect(page).toEqual({ ok: false, code: 'provider', message: 'Stopped.' });
  });
});
