// The CRM sync through the REAL server process (spawned like `npm run sync-server`) against the local fake
// HubSpot: deals arrive live in a connected client's deal log, CRM changes update CRM fields while Duet's
// receptions stay, owners become members by e-mail, the status reaches the app, and every fault — token
// revoked, rate limited, a 500 mid-sync, the server killed mid-sync — resumes with no duplicate and no gap.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCrmStatus } from '../../../../shared/collab/crmStatus';
import { readInviteClaims } from '../../../../shared/collab/inviteToken';
import { createPlaybookDoc } from '../../../../renderer/editor/headless';
import { readDeals, updateDeal } from '../../../../shared/collab/notes';
import { waitUntil, type Client } from '../helpers/clients';
import { startFakeHubSpot, type FakeHubSpot } from '../helpers/fakeHubSpot';
import { invite, runCli } from '../helpers/serverProcess';
import { crmConnectArgs } from './crmConnectArgs';
import { startCrmStage, type CrmStage } from './crmStage';

let fake: FakeHubSpot;
let stage: CrmStage;
let dataDir: string;
let storyteller: string;
let sam: string;
let samId: string;
let patId: string;

function connect(token = 'pat-test-token', extra: string[] = [], playbook = 'p1'): string[] {
  return runCli([
    ...crmConnectArgs({ provider: 'hubspot', apiBase: fake.url, token }, { playbook, extra }),
    '--data',
    dataDir,
  ]);
}

function open(docName: string, token = storyteller): Client {
  return stage.open(docName, token);
}

const crmIds = (doc: Y.Doc) => readDeals(doc).map((d) => d.crmId);
const at = (minute: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + minute * 60_000).toISOString();

/** Waits until the client's deal log holds `count` deals. */
const dealCount = (client: Client, count: number, timeoutMs = 10_000) =>
  waitUntil(
    () => readDeals(client.doc).length === count,
    timeoutMs,
    () => `${readDeals(client.doc).length} deals, not ${count}`,
  );

/** Sam (a salesperson) changes the deal the CRM gave him, as the app would. */
function asSam(client: Client, dealId: string, patch: Parameters<typeof updateDeal>[2]): void {
  expect(updateDeal(client.doc, dealId, patch, { author: 'Sam', authorId: samId, now: Date.now() }).ok).toBe(true);
}

/** No duplicate, no gap: the deal log holds each fake deal exactly once. */
function expectExactlyTheFakeDeals(doc: Y.Doc): void {
  const ids = crmIds(doc);
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(fake.deals.keys()));
}

beforeAll(async () => {
  fake = await startFakeHubSpot();
  fake.perSecond = 25;
  fake.owners.push({ id: '77', email: 'Sam@Acme.test', firstName: 'Sam', lastName: 'Lee' });
  stage = await startCrmStage();
  ({ dataDir, storyteller, sam, samId } = stage);
}, 60_000);

afterAll(async () => {
  await stage?.close();
  await fake?.close();
});

describe('live CRM sync (HubSpot)', () => {
  it('brings CRM deals into an open deal log live, owned by the member with the owner e-mail', async () => {
    fake.addDeals(2, at(0));
    fake.addDeals(1, at(1), () => ({
      dealname: 'Globex',
      hubspot_owner_id: '77',
      duet_narratives: 'Faster onboarding;Unknown pitch',
      closed_lost_reason: 'Price',
    }));
    const notes = open('acme/notes/p1');
    const status = open('acme/crm/acme');
    await waitUntil(
      () => notes.session !== null,
      5_000,
      () => 'not connected',
    );
    const lines = connect();
    expect(lines.join('\n')).not.toContain('pat-test-token');
    await dealCount(notes, 3, 15_000);
    const globex = readDeals(notes.doc).find((d) => d.account === 'Globex')!;
    expect(globex).toMatchObject({
      author: 'Sam',
      authorId: samId,
      narratives: [{ narrativeId: 'n-speed', reception: 'neutral' }],
    });
    expect(globex.note).toBe('Loss reason: Price');
    expect(readDeals(notes.doc).find((d) => d.account !== 'Globex')).toMatchObject({ author: 'HubSpot' });
    // No member owns the others: only storytellers may change them.
    expect(
      readDeals(notes.doc)
        .filter((d) => d.account !== 'Globex')
        .map((d) => d.authorId),
    ).toEqual([undefined, undefined]);
    await waitUntil(
      () => readCrmStatus(status.doc)?.state === 'ok',
      10_000,
      () => JSON.stringify(readCrmStatus(status.doc)),
    );
    expect(readCrmStatus(status.doc)).toMatchObject({ label: 'HubSpot', dealsSynced: 3, lastError: null });
    expect(JSON.stringify(status.doc.toJSON())).not.toContain('pat-test-token');
  }, 60_000);

  it("lets the owner grade a narrative; a CRM change then updates CRM fields and keeps Duet's reception", async () => {
    const mine = open('acme/notes/p1', sam);
    await dealCount(mine, 3, 10_000);
    const deal = readDeals(mine.doc).find((d) => d.account === 'Globex')!;
    asSam(mine, deal.id, {
      narratives: [{ narrativeId: 'n-speed', reception: 'resonated' }],
      note: 'Loss reason: Price\nLoved the demo.',
    });
    await waitUntil(
      () => mine.saved(),
      5_000,
      () => "the server refused the owner's edit",
    );
    fake.editDeal(
      deal.crmId,
      {
        dealstage: 'closedwon',
        hs_is_closed: 'true',
        hs_is_closed_won: 'true',
        amount: '52000',
        closed_lost_reason: '',
      },
      at(2),
    );
    await waitUntil(
      () => readDeals(mine.doc).find((d) => d.id === deal.id)?.outcome === 'won',
      15_000,
      () => 'no CRM update',
    );
    expect(readDeals(mine.doc).find((d) => d.id === deal.id)).toMatchObject({
      amount: 52000,
      narratives: [{ narrativeId: 'n-speed', reception: 'resonated' }],
      note: 'Loved the demo.',
    });
    expect(readDeals(mine.doc)).toHaveLength(3);
  }, 60_000);

  it('stops on a revoked token, says so, and resumes after `crm connect` with a new one', async () => {
    const status = open('acme/crm/acme');
    const notes = open('acme/notes/p1');
    fake.tokens.clear();
    fake.addDeals(5, at(3));
    await waitUntil(
      () => readCrmStatus(status.doc)?.lastError?.code === 'auth',
      15_000,
      () => 'no auth error shown',
    );
    expect(readCrmStatus(status.doc)!.lastError!.message).toMatch(
      /HubSpot refused the token — run `crm connect` again/,
    );
    fake.tokens.add('pat-rotated');
    connect('pat-rotated');
    await dealCount(notes, 8, 15_000);
    expectExactlyTheFakeDeals(notes.doc);
    await waitUntil(
      () => readCrmStatus(status.doc)?.state === 'ok',
      10_000,
      () => 'not ok again',
    );
  }, 60_000);

  it('waits out a 429 with Retry-After and a 500 in the middle of a sync, then has every deal once', async () => {
    const notes = open('acme/notes/p1');
    await dealCount(notes, 8, 10_000);
    fake.searchDelayMs = 100;
    fake.addDeals(1_000, at(4));
    for (let i = 0; i < 300; i++) fake.addDeals(1, at(5 + i));
    await waitUntil(
      () => readDeals(notes.doc).length > 300,
      20_000,
      () => 'sync did not start',
    );
    fake.faults.push({ status: 429, retryAfter: 1 }, { status: 500 });
    await waitUntil(
      () => fake.faults.length === 0,
      10_000,
      () => 'faults not reached',
    );
    await dealCount(notes, 1_308, 40_000);
    expectExactlyTheFakeDeals(notes.doc);
    fake.searchDelayMs = 0;
  }, 90_000);

  it('resumes after the server is killed mid-sync: no duplicate, no gap', async () => {
    const before = open('acme/notes/p1');
    await dealCount(before, 1_308, 10_000);
    fake.searchDelayMs = 150;
    fake.addDeals(2_000, at(400));
    for (let i = 0; i < 400; i++) fake.addDeals(1, at(401 + i));
    await waitUntil(
      () => readDeals(before.doc).length > 1_308 + 500,
      30_000,
      () => 'sync did not start',
    );
    await stage.server.stop('SIGKILL');
    const partial = readDeals(before.doc).length;
    expect(partial).toBeLessThan(1_308 + 2_400);
    fake.searchDelayMs = 0;
    await stage.restart();
    const after = open('acme/notes/p1');
    await waitUntil(
      () => readDeals(after.doc).length >= 1_308 + 2_400,
      60_000,
      () => `deals: ${readDeals(after.doc).length}`,
    );
    await new Promise((r) => setTimeout(r, 1_500)); // another poll: nothing more may arrive
    expectExactlyTheFakeDeals(after.doc);
    const lines = runCli(['crm', 'status', '--data', dataDir, '--workspace', 'acme']);
    expect(lines[1]).toMatch(/^acme\tHubSpot\tp1\t(ok|syncing)\t/);
    expect(lines.join('\n')).not.toContain('pat-');
  }, 120_000);

  it('writes back, once, what was cited while write-back was off, then each new citation, without a loop', async () => {
    const board = open('acme/notes/p1'); // Ada, the storyteller, grades a deal no member owns
    const status = open('acme/crm/acme');
    await dealCount(board, 3_708, 20_000);
    const first = readDeals(board.doc).find((d) => d.crmId === '1001')!;
    const cited = updateDeal(
      board.doc,
      first.id,
      { narratives: [{ narrativeId: 'n-cost', reception: 'resonated' }] },
      { author: 'Ada', moderator: true, now: Date.now() },
    );
    expect(cited.ok).toBe(true);
    await waitUntil(
      () => board.saved(),
      5_000,
      () => 'not stored',
    );
    // Write-back is off: a whole poll later, nothing was written.
    const polled = readCrmStatus(status.doc)?.lastSyncAt ?? 0;
    await waitUntil(
      () => (readCrmStatus(status.doc)?.lastSyncAt ?? 0) > polled,
      10_000,
      () => 'no poll',
    );
    expect(fake.log.patches).toEqual([]);

    connect('pat-rotated', ['--write-back']);
    const mine = open('acme/notes/p1', sam);
    await dealCount(mine, 3_708, 20_000);
    // The backfill: every deal re-read, and only the one whose narratives differ from HubSpot's written.
    await waitUntil(
      () => fake.log.patches.length === 1,
      30_000,
      () => `patches: ${JSON.stringify(fake.log.patches)}`,
    );
    expect(fake.log.patches[0]).toEqual({ id: '1001', properties: { duet_narratives: 'Lower cost' } });
    expect(fake.properties.has('duet_narratives')).toBe(true);
    const deal = readDeals(mine.doc).find((d) => d.account === 'Globex')!;
    asSam(mine, deal.id, { narratives: [...deal.narratives, { narrativeId: 'n-cost', reception: 'fell-flat' }] });
    await waitUntil(
      () => fake.log.patches.length === 2,
      15_000,
      () => 'nothing written back',
    );
    expect(fake.log.patches[1]).toEqual({
      id: deal.crmId,
      properties: { duet_narratives: 'Faster onboarding;Lower cost' },
    });
    // HubSpot now reports both deals modified; the next polls read them and change nothing, so nothing is
    // written again — and the backfill, done, is not repeated.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(fake.log.patches).toHaveLength(2);
    expect(readDeals(mine.doc).find((d) => d.id === deal.id)!.narratives).toEqual([
      { narrativeId: 'n-speed', reception: 'resonated' },
      { narrativeId: 'n-cost', reception: 'fell-flat' },
    ]);
    const stored = stage.crmCursor();
    expect(stored.backfill).toBe(false);
  }, 90_000);

  it('moves a deal to the member who becomes its CRM owner; only that member may then change it', async () => {
    const pat = invite(dataDir, 'acme', 'Pat', 'sales', ['--email', 'pat@acme.test']);
    patId = readInviteClaims(pat)!.memberId;
    fake.owners.push({ id: '88', email: 'Pat@acme.test', firstName: 'Pat', lastName: 'Kim' });
    const board = open('acme/notes/p1');
    await dealCount(board, 3_708, 20_000);
    const globex = readDeals(board.doc).find((d) => d.account === 'Globex')!;
    expect(globex.authorId).toBe(samId);
    fake.editDeal(globex.crmId, { hubspot_owner_id: '88' }, new Date().toISOString()); // after the write-backs
    await waitUntil(
      () => readDeals(board.doc).find((d) => d.id === globex.id)?.authorId === patId,
      15_000,
      () => JSON.stringify(readDeals(board.doc).find((d) => d.id === globex.id)),
    );
    const moved = readDeals(board.doc).find((d) => d.id === globex.id)!;
    expect(moved).toMatchObject({ author: 'Pat', narratives: globex.narratives, note: globex.note });
    // Pat's change is stored: the server's authorship guard now names Pat (it refused Pat before the move).
    const patView = open('acme/notes/p1', pat);
    await dealCount(patView, 3_708, 20_000);
    const byPat = { author: 'Pat', authorId: patId, now: Date.now() };
    expect(updateDeal(patView.doc, globex.id, { persona: 'CFO' }, byPat).ok).toBe(true);
    await waitUntil(
      () => patView.saved(),
      5_000,
      () => "the server refused the new owner's edit",
    );
    // Sam, no longer the owner, is told so by the app (and the server would refuse him).
    const samView = open('acme/notes/p1', sam);
    await dealCount(samView, 3_708, 20_000);
    const bySam = updateDeal(samView.doc, globex.id, { persona: 'CTO' }, { author: 'Sam', authorId: samId, now: 1 });
    expect(bySam).toMatchObject({ ok: false, error: { code: 'denied' } });
  }, 60_000);

  it('gives a member invited after the CRM named them owner their deals, with no change in the CRM', async () => {
    fake.owners.push({ id: '89', email: 'lee@acme.test', firstName: 'Lee', lastName: 'Park' });
    const board = open('acme/notes/p1');
    await dealCount(board, 3_708, 20_000);
    const deal = readDeals(board.doc).find((d) => d.crmId && d.account !== 'Globex')!;
    fake.editDeal(deal.crmId, { hubspot_owner_id: '89', amount: '4321' }, new Date().toISOString());
    // Synced (the new amount is in), but Lee is no member yet: the deal is the CRM's, as any of an unknown owner.
    await waitUntil(
      () => readDeals(board.doc).find((d) => d.id === deal.id)?.amount === 4321,
      15_000,
      () => JSON.stringify(readDeals(board.doc).find((d) => d.id === deal.id)),
    );
    expect(readDeals(board.doc).find((d) => d.id === deal.id)).toMatchObject({ author: 'HubSpot' });
    expect(readDeals(board.doc).find((d) => d.id === deal.id)?.authorId).toBeUndefined();
    const lee = invite(dataDir, 'acme', 'Lee', 'sales', ['--email', 'Lee@acme.test']);
    const leeId = readInviteClaims(lee)!.memberId;
    await waitUntil(
      () => readDeals(board.doc).find((d) => d.id === deal.id)?.authorId === leeId,
      30_000,
      () => JSON.stringify(readDeals(board.doc).find((d) => d.id === deal.id)),
    );
    expect(readDeals(board.doc).find((d) => d.id === deal.id)).toMatchObject({ author: 'Lee', note: deal.note });
    expectExactlyTheFakeDeals(board.doc); // read again from the start: no deal twice
  }, 60_000);

  it('hides deals deleted in HubSpot from the review and its figures; a restored one returns as it was', async () => {
    const notes = open('acme/notes/p1');
    const status = open('acme/crm/acme');
    await dealCount(notes, 3_708, 20_000);
    const globex = readDeals(notes.doc).find((d) => d.account === 'Globex')!;
    fake.archiveDeal(globex.crmId, at(901));
    fake.archiveDeal('1002', at(901));
    await dealCount(notes, 3_706, 15_000);
    expect(crmIds(notes.doc)).not.toContain(globex.crmId);
    await waitUntil(
      () => readCrmStatus(status.doc)?.dealsSynced === 3_706,
      10_000,
      () => JSON.stringify(readCrmStatus(status.doc)),
    );
    fake.restoreDeal(globex.crmId, new Date().toISOString());
    await dealCount(notes, 3_707, 15_000);
    // The same deal (not a copy), with Duet's grading and its new owner.
    expect(readDeals(notes.doc).find((d) => d.crmId === globex.crmId)).toMatchObject({
      id: globex.id,
      authorId: patId,
      narratives: globex.narratives,
      persona: 'CFO',
    });
    expectExactlyTheFakeDeals(notes.doc);
  }, 60_000);

  it('resumes a deletion sweep after the server is killed in the middle: exactly the live deals remain', async () => {
    const before = open('acme/notes/p1');
    await dealCount(before, 3_707, 20_000);
    for (const id of [...fake.deals.keys()].slice(100, 1_600)) fake.archiveDeal(id, at(903));
    fake.searchDelayMs = 150;
    await waitUntil(
      () => readDeals(before.doc).length < 3_707 - 300,
      30_000,
      () => 'the sweep did not start',
    );
    await stage.server.stop('SIGKILL');
    expect(readDeals(before.doc).length).toBeGreaterThan(3_707 - 1_500);
    const listed = fake.log.archivedAfters.length;
    fake.searchDelayMs = 0;
    await stage.restart();
    const after = open('acme/notes/p1');
    await dealCount(after, 3_707 - 1_500, 60_000);
    expectExactlyTheFakeDeals(after.doc);
    // Resumed where the sweep stood (its first list request names a page), not from the top.
    expect(fake.log.archivedAfters[listed]).not.toBeNull();
  }, 120_000);

  it('disconnects: credentials deleted, the app told, the sync stopped', async () => {
    const status = open('acme/crm/acme');
    await waitUntil(
      () => readCrmStatus(status.doc) !== null,
      5_000,
      () => 'no status',
    );
    expect(runCli(['crm', 'disconnect', '--data', dataDir, '--workspace', 'acme']).join('\n')).toMatch(/disconnected/);
    await waitUntil(
      () => readCrmStatus(status.doc) === null,
      10_000,
      () => 'status not cleared',
    );
    const searches = fake.log.searches;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(fake.log.searches).toBe(searches);
    expect(runCli(['crm', 'status', '--data', dataDir])).toEqual(['[crm] no CRM connected']);
  }, 30_000);

  it('waits for a playbook that has not reached the server, then matches its narratives', async () => {
    const notes = open('acme/notes/p2');
    const status = open('acme/crm/acme');
    connect('pat-rotated', [], 'p2');
    await waitUntil(
      () => readCrmStatus(status.doc)?.lastError?.message.includes('Waiting for the playbook') === true,
      10_000,
      () => JSON.stringify(readCrmStatus(status.doc)),
    );
    expect(readDeals(notes.doc)).toEqual([]);
    // The device that made the playbook connects: its narratives arrive, and the deals follow with theirs.
    const playbook = open('acme/playbook/p2');
    createPlaybookDoc(
      {
        intro: [],
        narratives: [{ id: 'n-new', title: 'Faster onboarding', keyMessage: 'Live in a week.', body: [] }],
      } as never,
      playbook.doc,
    );
    await waitUntil(
      () => readDeals(notes.doc).length === fake.deals.size,
      20_000,
      () => `${readDeals(notes.doc).length} deals of ${fake.deals.size}; ${JSON.stringify(readCrmStatus(status.doc))}`,
    );
    const globex = readDeals(notes.doc).find((d) => d.account === 'Globex')!;
    expect(globex.narratives).toEqual([{ narrativeId: 'n-new', reception: 'neutral' }]);
    runCli(['crm', 'disconnect', '--data', dataDir, '--workspace', 'acme']);
  }, 60_000);
});
