// The Salesforce sync through the REAL server process (spawned like `npm run sync-server`) against the local
// fake org (tests/unit/server/crm/salesforce/fakeSalesforce, written from the public REST reference):
// Opportunities arrive live in a connected client's deal log, the private key never leaves the server, a
// revoked certificate stops the sync until `crm connect`, a SIGKILL mid-sync resumes with every Opportunity
// exactly once, and narratives cited in Duet are written back once.
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCrmStatus } from '../../../../shared/collab/crmStatus';
import { readDeals, updateDeal } from '../../../../shared/collab/notes';
import { waitUntil, type Client } from '../helpers/clients';
import { CLI, runCli } from '../helpers/serverProcess';
import { crmConnectArgs } from './crmConnectArgs';
import { startCrmStage, type CrmStage } from './crmStage';
import type { FakeRecord, FakeSalesforce } from './salesforce/fakeSalesforce/FakeSalesforce';
import { CLIENT_ID, opportunity, rsaKeyPair, startFakeOrg, USERNAME } from './salesforce/fakeSalesforce/fakeOrg';

let fake: FakeSalesforce;
let records: FakeRecord[];
let stage: CrmStage;
let dataDir: string;
let keyFile: string;
let keyPem: string;
let storyteller: string;
let sam: string;
let samId: string;
let next = 0;
const T0 = Date.parse('2026-11-02T09:00:00.000Z');

function connect(extra: string[] = []): string[] {
  const target = { provider: 'salesforce', url: fake.url, clientId: CLIENT_ID, keyFile, username: USERNAME } as const;
  return runCli([...crmConnectArgs(target, { extra }), '--data', dataDir]);
}

function open(docName: string, token = storyteller): Client {
  return stage.open(docName, token);
}

/** Adds `count` Opportunities modified at `modstamp` (epoch ms). */
function addOpportunities(count: number, modstamp: number, overrides: FakeRecord = {}): void {
  for (let i = 0; i < count; i++) records.push(opportunity(next++, modstamp, overrides));
}

/** No duplicate, no gap: the deal log holds each Opportunity of the org exactly once. */
function expectExactlyTheOrgsOpportunities(doc: Y.Doc): void {
  const ids = readDeals(doc).map((d) => d.crmId);
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(records.map((r) => r.Id)));
}

/** After deletions: each Opportunity not in the recycle bin exactly once, and nothing else. */
function expectExactlyTheLiveOpportunities(doc: Y.Doc): void {
  const ids = readDeals(doc).map((d) => d.crmId);
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(records.filter((r) => r.IsDeleted !== true).map((r) => r.Id)));
}

/** The PEM's base64 body, which must appear nowhere but in the sealed store. */
const keyBody = () => keyPem.split('\n')[1]!;

beforeAll(async () => {
  const org = await startFakeOrg([]);
  fake = org.fake;
  records = fake.records;
  stage = await startCrmStage();
  ({ dataDir, storyteller, sam, samId } = stage);
  keyPem = org.keys.privateKeyPem;
  keyFile = join(dataDir, '..', `${dataDir.split('/').pop()}-sf.key`);
  writeFileSync(keyFile, keyPem, { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  await stage?.close();
  await fake?.close();
});

describe('live CRM sync (Salesforce)', () => {
  it('brings Opportunities into an open deal log, owned by the member with the owner e-mail; the key stays sealed', async () => {
    addOpportunities(2, T0);
    addOpportunities(1, T0 + 1000, {
      'Account.Name': 'Globex',
      'Owner.Email': 'Sam@Acme.test',
      StageName: 'Closed Lost',
      IsClosed: true,
      Competitor__c: 'Initech',
      Duet_Narratives__c: 'Faster onboarding;Unknown pitch',
    });
    const notes = open('acme/notes/p1');
    const status = open('acme/crm/acme');
    await waitUntil(
      () => notes.session !== null,
      5_000,
      () => 'not connected',
    );
    const lines = connect();
    expect(lines.join('\n')).toMatch(/Salesforce connected to playbook p1 \(narratives property Duet_Narratives__c/);
    await waitUntil(
      () => readDeals(notes.doc).length === 3,
      15_000,
      () => `deals: ${readDeals(notes.doc).length}`,
    );
    const globex = readDeals(notes.doc).find((d) => d.account === 'Globex')!;
    expect(globex).toMatchObject({
      author: 'Sam',
      authorId: samId,
      outcome: 'lost-competitor',
      narratives: [{ narrativeId: 'n-speed', reception: 'neutral' }],
    });
    await waitUntil(
      () => readCrmStatus(status.doc)?.state === 'ok',
      10_000,
      () => JSON.stringify(readCrmStatus(status.doc)),
    );
    expect(readCrmStatus(status.doc)).toMatchObject({ label: 'Salesforce', dealsSynced: 3, lastError: null });
    const everywhere = [
      lines.join('\n'),
      JSON.stringify(status.doc.toJSON()),
      runCli(['crm', 'status', '--data', dataDir]).join('\n'),
      stage.server.stderr(),
    ].join('\n');
    expect(everywhere).not.toContain(keyBody());
    expect(everywhere).not.toContain('PRIVATE KEY');
  }, 60_000);

  it('stops on a revoked certificate, says so, and resumes after `crm connect` with the new key', async () => {
    const status = open('acme/crm/acme');
    const notes = open('acme/notes/p1');
    const renewed = rsaKeyPair();
    fake.app.publicKey = createPublicKey(renewed.publicKeyPem); // the admin uploaded a new certificate
    fake.expireSessions();
    addOpportunities(5, T0 + 2000);
    await waitUntil(
      () => readCrmStatus(status.doc)?.lastError?.code === 'auth',
      15_000,
      () => 'no auth error shown',
    );
    expect(readCrmStatus(status.doc)!.lastError!.message).toMatch(/certificate .*revoked.*crm connect/);
    keyPem = renewed.privateKeyPem;
    writeFileSync(keyFile, keyPem, { mode: 0o600 });
    connect();
    await waitUntil(
      () => readDeals(notes.doc).length === 8,
      15_000,
      () => `deals: ${readDeals(notes.doc).length}`,
    );
    expectExactlyTheOrgsOpportunities(notes.doc);
  }, 60_000);

  it('resumes after the server is killed mid-sync: 2,500 Opportunities on one timestamp, each exactly once', async () => {
    const before = open('acme/notes/p1');
    await waitUntil(
      () => readDeals(before.doc).length === 8,
      10_000,
      () => 'not synced',
    );
    fake.delayMs = 150;
    addOpportunities(2_500, T0 + 60_000);
    for (let i = 0; i < 300; i++) addOpportunities(1, T0 + 120_000 + i * 1000);
    await waitUntil(
      () => readDeals(before.doc).length > 8 + 400,
      30_000,
      () => 'sync did not start',
    );
    await stage.server.stop('SIGKILL');
    const partial = readDeals(before.doc).length;
    expect(partial).toBeLessThan(8 + 2_800);
    fake.delayMs = 0;
    const servedBefore = fake.recordsServed;
    await stage.restart();
    const after = open('acme/notes/p1');
    await waitUntil(
      () => readDeals(after.doc).length >= 8 + 2_800,
      60_000,
      () => `deals: ${readDeals(after.doc).length}`,
    );
    await new Promise((r) => setTimeout(r, 1_500)); // another poll: nothing more may arrive
    expectExactlyTheOrgsOpportunities(after.doc);
    // Resumed from the stored cursor: what was stored is not read again (at most the page in flight).
    expect(fake.recordsServed - servedBefore).toBeLessThanOrEqual(8 + 2_800 - partial + 200);
    const lines = runCli(['crm', 'status', '--data', dataDir, '--workspace', 'acme']);
    expect(lines[1]).toMatch(/^acme\tSalesforce\tp1\t(ok|syncing)\t/);
  }, 120_000);

  it('writes narratives cited in Duet back to the Opportunity once, without a loop', async () => {
    const describes = () => fake.requests.filter((r) => r.path.endsWith('/describe')).length;
    const before = describes();
    connect(['--write-back']);
    // The sync restarted with write-back on once it checked the narratives field (a describe).
    await waitUntil(
      () => describes() > before,
      15_000,
      () => 'the sync did not restart with write-back',
    );
    const mine = open('acme/notes/p1', sam);
    await waitUntil(
      () => readDeals(mine.doc).length === 2_808,
      20_000,
      () => 'sam has not synced',
    );
    const deal = readDeals(mine.doc).find((d) => d.account === 'Globex')!;
    const cited = updateDeal(
      mine.doc,
      deal.id,
      { narratives: [...deal.narratives, { narrativeId: 'n-cost', reception: 'fell-flat' }] },
      { author: 'Sam', authorId: samId, now: Date.now() },
    );
    expect(cited.ok).toBe(true);
    const patches = () => fake.requests.filter((r) => r.method === 'PATCH');
    await waitUntil(
      () => patches().length === 1,
      15_000,
      () => 'nothing written back',
    );
    expect(records.find((r) => r.Id === deal.crmId)!.Duet_Narratives__c).toBe('Faster onboarding;Lower cost');
    // The write changed SystemModstamp: the next polls read the deal back, change nothing, write nothing.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(patches()).toHaveLength(1);
    expect(readDeals(mine.doc).find((d) => d.id === deal.id)!.narratives).toEqual([
      { narrativeId: 'n-speed', reception: 'neutral' },
      { narrativeId: 'n-cost', reception: 'fell-flat' },
    ]);
  }, 60_000);

  it('hides Opportunities deleted in Salesforce from the review; an undeleted one returns as it was', async () => {
    const notes = open('acme/notes/p1');
    const status = open('acme/crm/acme');
    await waitUntil(
      () => readDeals(notes.doc).length === 2_808,
      20_000,
      () => 'not synced',
    );
    const globex = readDeals(notes.doc).find((d) => d.account === 'Globex')!;
    const requests = fake.requests.length;
    fake.deleteRecord(globex.crmId);
    fake.deleteRecord(records[0]!.Id as string);
    await waitUntil(
      () => readDeals(notes.doc).length === 2_806,
      15_000,
      () => `deals: ${readDeals(notes.doc).length}`,
    );
    await waitUntil(
      () => readCrmStatus(status.doc)?.dealsSynced === 2_806,
      10_000,
      () => JSON.stringify(readCrmStatus(status.doc)),
    );
    // Deletions came with the usual read (queryAll), not with calls of their own.
    expect(fake.requests.slice(requests).every((r) => /\/queryAll$|\/token$/.test(r.path))).toBe(true);
    fake.undeleteRecord(globex.crmId);
    await waitUntil(
      () => readDeals(notes.doc).length === 2_807,
      15_000,
      () => `deals: ${readDeals(notes.doc).length}`,
    );
    expect(readDeals(notes.doc).find((d) => d.crmId === globex.crmId)).toMatchObject({
      id: globex.id,
      narratives: globex.narratives,
    });
    expectExactlyTheLiveOpportunities(notes.doc);
  }, 60_000);

  it('resumes after the server is killed while 1,000 deletions arrive: exactly the live Opportunities remain', async () => {
    const before = open('acme/notes/p1');
    await waitUntil(
      () => readDeals(before.doc).length === 2_807,
      20_000,
      () => 'not synced',
    );
    fake.delayMs = 150;
    for (const record of records.slice(100, 1_100)) fake.deleteRecord(record.Id as string);
    for (const record of records.slice(1_100, 1_400)) Object.assign(record, { SystemModstamp: Date.now() + 5_000 });
    await waitUntil(
      () => readDeals(before.doc).length < 2_807 - 200,
      30_000,
      () => 'the deletions did not start',
    );
    await stage.server.stop('SIGKILL');
    expect(readDeals(before.doc).length).toBeGreaterThan(2_807 - 1_000); // killed while deletions remained
    fake.delayMs = 0;
    await stage.restart();
    const after = open('acme/notes/p1');
    await waitUntil(
      () => readDeals(after.doc).length === 2_807 - 1_000,
      60_000,
      () => `deals: ${readDeals(after.doc).length}`,
    );
    expectExactlyTheLiveOpportunities(after.doc);
  }, 120_000);

  it('refuses a connect without the key or with a file that is not an RSA key, without echoing the file', async () => {
    const notAKey = join(dataDir, '..', `${dataDir.split('/').pop()}-not-a-key.pem`);
    writeFileSync(notAKey, 'sEcReT-looking content\n');
    const attempt = (args: string[]) => {
      const run = spawnSync(
        process.execPath,
        [CLI, 'crm', 'connect', '--data', dataDir, '--workspace', 'acme', '--provider', 'salesforce', ...args],
        { encoding: 'utf8' },
      );
      return { status: run.status, out: run.stdout + run.stderr };
    };
    const common = ['--instance-url', fake.url, '--client-id', CLIENT_ID, '--username', USERNAME, '--playbook', 'p1'];
    expect(attempt(common)).toMatchObject({
      status: 2,
      out: expect.stringContaining('--key-file is required for Salesforce'),
    });
    const bad = attempt([...common, '--key-file', notAKey]);
    expect(bad).toMatchObject({ status: 2, out: expect.stringContaining('is not a PEM RSA private key') });
    expect(bad.out).not.toContain('sEcReT');
    const plainHttp = attempt([...common, '--key-file', keyFile, '--instance-url', 'http://acme.my.salesforce.com']);
    expect(plainHttp).toMatchObject({ status: 2, out: expect.stringContaining('--instance-url must be https://') });
  }, 30_000);
});
