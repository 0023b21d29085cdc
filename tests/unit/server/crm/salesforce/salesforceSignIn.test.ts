/**
 * Signing in to Salesforce with the JWT bearer flow: the assertion the org checks, a session that expires
 * mid-sync, and the refusals an admin has to act on (revoked certificate, user not pre-authorised).
 */
import { createPublicKey, createPrivateKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { START_CURSOR } from '../../../../../server/crm/CrmConnector';
import { SalesforceConnector } from '../../../../../server/crm/salesforce/SalesforceConnector';
import { jwtBearerClaims, signJwtAssertion } from '../../../../../server/crm/salesforce/signJwtAssertion';
import type { FakeSalesforce } from './fakeSalesforce/FakeSalesforce';
import {
  CLIENT_ID,
  closeFakeOrgs,
  drain,
  opportunity,
  rsaKeyPair,
  startFakeOrg,
  USERNAME,
} from './fakeSalesforce/fakeOrg';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
afterEach(closeFakeOrgs);

function tokenRequests(org: FakeSalesforce): number {
  return org.requests.filter((r) => r.path === '/services/oauth2/token').length;
}

describe('Salesforce sign-in (JWT bearer flow)', () => {
  it('signs iss, sub, aud and an exp under three minutes with RS256', () => {
    const keys = rsaKeyPair();
    const now = Date.parse('2026-11-02T09:00:00Z');
    const jwt = signJwtAssertion(
      jwtBearerClaims(CLIENT_ID, USERNAME, 'https://login.salesforce.com', now),
      createPrivateKey(keys.privateKeyPem),
    );
    const [header, claims, signature] = jwt.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256' });
    const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
    expect(body).toMatchObject({ iss: CLIENT_ID, sub: USERNAME, aud: 'https://login.salesforce.com' });
    expect((body.exp as number) * 1000 - now).toBeGreaterThan(0);
    expect((body.exp as number) * 1000 - now).toBeLessThanOrEqual(180_000);
    expect(
      verify(
        'sha256',
        Buffer.from(`${header}.${claims}`),
        createPublicKey(keys.publicKeyPem),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
  });

  it('signs in once and reuses the session for every page', async () => {
    const org = await startFakeOrg(Array.from({ length: 600 }, (_, n) => opportunity(n, T0 + n)));
    const fake = org.fake;
    const result = await drain(new SalesforceConnector(org.config, { tuning: { batchSize: 200 } }), START_CURSOR);
    expect(result.deals).toHaveLength(600);
    expect(tokenRequests(fake)).toBe(1);
  });

  it('an expired session is signed in again once and the sync carries on', async () => {
    const org = await startFakeOrg(Array.from({ length: 600 }, (_, n) => opportunity(n, T0 + n)));
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config, { tuning: { batchSize: 200 } });
    const first = await connector.fetchPage(START_CURSOR);
    if (!first.ok) throw new Error(first.message);
    fake.expireSessions(); // the org's session timeout passes
    const rest = await drain(connector, first.cursor);
    expect(rest.failures).toEqual([]);
    expect(first.deals.length + rest.deals.length).toBe(600);
    expect(tokenRequests(fake)).toBe(2);
    expect(fake.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('a session refused again right after signing in is an auth failure, not a loop', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const fake = org.fake;
    fake.failNext(/\/query/, 401, 'INVALID_SESSION_ID', 'Session expired or invalid', 2);
    const page = await new SalesforceConnector(org.config).fetchPage(START_CURSOR);
    expect(page).toMatchObject({ ok: false, code: 'auth' });
    expect(tokenRequests(fake)).toBe(2);
  });

  it('a revoked certificate stops the sync with a message that says to reconnect, and leaks no secret', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const fake = org.fake;
    const connector = new SalesforceConnector(org.config);
    expect((await connector.fetchPage(START_CURSOR)).ok).toBe(true);
    fake.app.publicKey = createPublicKey(rsaKeyPair().publicKeyPem); // the admin uploaded a new certificate
    fake.expireSessions();
    const page = await connector.fetchPage(START_CURSOR);
    expect(page).toMatchObject({ ok: false, code: 'auth' });
    if (page.ok) return;
    expect(page.message).toMatch(/certificate .*revoked/);
    expect(page.message).toContain('crm connect');
    expect(page.message).not.toContain('PRIVATE KEY');
    expect(page.message).not.toMatch(/00DFAKE!/);
  });

  it('a user who is not pre-authorised on the connected app is told how to approve them', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const fake = org.fake;
    fake.app.preAuthorised.clear();
    const page = await new SalesforceConnector(org.config).fetchPage(START_CURSOR);
    expect(page).toMatchObject({ ok: false, code: 'auth' });
    if (!page.ok) expect(page.message).toContain('Admin approved users are pre-authorized');
  });

  it('an unknown consumer key and an unreadable key are auth failures too', async () => {
    const org = await startFakeOrg([opportunity(0, T0)]);
    const wrongClient = await new SalesforceConnector({ ...org.config, clientId: 'nope' }).fetchPage(START_CURSOR);
    expect(wrongClient).toMatchObject({ ok: false, code: 'auth' });
    if (!wrongClient.ok) expect(wrongClient.message).toContain('consumer key');
    const badKey = await new SalesforceConnector({ ...org.config, privateKeyPem: 'not a key' }).fetchPage(START_CURSOR);
    expect(badKey).toMatchObject({ ok: false, code: 'auth' });
    if (!badKey.ok) expect(badKey.message).not.toContain('not a key');
  });
});
