// A deal or anchored note belongs to the member who wrote it: the server refuses, with raw forged frames
// from a modified client, every update that changes or deletes one another member wrote, or that writes in
// another member's name — and the notes document stays byte for byte as it was (in what a fresh client
// receives and in what the server stored: its SQLite file and journal). What the app itself writes (own
// deals, a storyteller's moderation, offline work) goes through.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInviteClaims } from '../../../shared/collab/inviteToken';
import { addAnchoredNote, anchorsMap } from '../../../shared/collab/anchoredNotes';
import { addDeal, readDeal, removeDeal, updateDeal, type Writer } from '../../../shared/collab/notes';
import { dealEditsMap, dealEntriesMap, dealFieldsMap, fieldKey, toStored } from '../../../shared/collab/dealRecords';
import type { DealInput } from '../../../shared/domain/deal';
import {
  connectRaw,
  openClient,
  readStoredDoc,
  readStoredState,
  syncFrame,
  waitForFrame,
  waitUntil,
  type Client,
  type RawSocket,
} from './helpers/clients';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';
import { storedRows } from './helpers/storedRows';

const DOC = 'acme/notes/p1';
let server: ServerProcess;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let anchor: Client;

const input = (name: string): DealInput => ({
  dealName: name,
  account: `${name} Inc`,
  amount: 1000,
  currency: 'USD',
  stage: 'Closed',
  persona: 'CFO',
  outcome: 'won',
  competitor: '',
  closeDate: '2026-11-02',
  crmId: '',
  narratives: [],
  note: 'first call went well',
  perspective: 'rep',
});

function writer(who: 'ana' | 'ben' | 'mia' | 'sam', moderator = false): Writer {
  return { author: who, authorId: ids[who], moderator, now: Date.now() };
}

/** The update a modified client would send: `change` applied to a replica of what the server stores. */
async function forge(change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const replica = await readStoredDoc(server.url, DOC, tokens.sam as string);
  const parts: Uint8Array[] = [];
  replica.on('update', (update: Uint8Array) => parts.push(update));
  replica.transact(() => change(replica));
  expect(parts.length).toBeGreaterThan(0);
  return Y.mergeUpdates(parts);
}

async function connected(token: string): Promise<RawSocket> {
  const socket = await connectRaw(server.url, DOC, token);
  if ('status' in socket) throw new Error(`refused with ${socket.status}`);
  await waitForFrame(socket, (b) => b[0] === 101);
  return socket;
}

/** Sends `update` as `who`; resolves with the close reason, or null when the server stored it. */
async function send(who: string, update: Uint8Array): Promise<string | null> {
  const socket = await connected(tokens[who] as string);
  socket.send(syncFrame(2, update));
  const outcome = await Promise.race([
    socket.closed.then(({ code, reason }) => `${code} ${reason}`),
    waitForFrame(socket, (b) => b[0] === 100).then(() => null),
  ]);
  socket.ws.close();
  return outcome;
}

async function expectRefused(who: string, change: (doc: Y.Doc) => void): Promise<void> {
  const update = await forge(change);
  const before = await readStoredState(server.url, DOC, tokens.sam as string);
  const rows = await storedRows(server.dataDir, DOC);
  expect(await send(who, update)).toBe('1008 not-yours');
  const after = await readStoredState(server.url, DOC, tokens.sam as string);
  expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  expect(await storedRows(server.dataDir, DOC)).toEqual(rows);
}

async function expectStored(who: string, change: (doc: Y.Doc) => void): Promise<Y.Doc> {
  expect(await send(who, await forge(change))).toBeNull();
  return readStoredDoc(server.url, DOC, tokens.sam as string);
}

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  const roles = { ana: 'sales', ben: 'sales', mia: 'marketing', sam: 'storyteller' } as const;
  for (const [who, role] of Object.entries(roles)) {
    tokens[who] = invite(data, 'acme', who, role);
    ids[who] = readInviteClaims(tokens[who])!.memberId;
  }
  server = await startServer(data);
  // Ana logs a deal and anchors a note the way the app does; a connected client keeps the doc loaded.
  anchor = openClient(server.url, DOC, tokens.ana as string);
  await waitUntil(
    () => anchor.provider.synced,
    5_000,
    () => 'ana not synced',
  );
  expect(addDeal(anchor.doc, input('Ana deal'), writer('ana'), 'dAna').ok).toBe(true);
  expect(updateDeal(anchor.doc, 'dAna', { note: 'second call' }, writer('ana')).ok).toBe(true);
  const note = { narrativeId: 'n1', selector: { type: 'TextQuoteSelector', exact: 'fast', prefix: '', suffix: '' } };
  expect(
    addAnchoredNote(anchor.doc, { ...note, note: 'cite', author: 'ana', authorId: ids.ana, createdAt: 1 }, 'aAna').ok,
  ).toBe(true);
  await waitUntil(
    () => anchor.saved(),
    5_000,
    () => 'ana not saved',
  );
}, 60_000);

afterAll(async () => {
  anchor?.destroy();
  await server?.stop();
});

describe('deal authorship, enforced by the server', () => {
  it('stamps the member id on what the app writes', async () => {
    const stored = await readStoredDoc(server.url, DOC, tokens.sam as string);
    expect(readDeal(stored, 'dAna')).toMatchObject({ author: 'ana', authorId: ids.ana });
    expect(anchorsMap(stored).get('aAna')).toMatchObject({ authorId: ids.ana });
  });

  const refusals: [string, (doc: Y.Doc) => void][] = [
    ['change a field of her deal', (doc) => dealFieldsMap(doc).set(fieldKey('dAna', 'outcome'), 'lost-competitor')],
    ['delete a field change of her deal', (doc) => dealFieldsMap(doc).delete(fieldKey('dAna', 'note'))],
    [
      'erase her deal history',
      (doc) => {
        for (const key of [...dealEditsMap(doc).keys()]) if (key.startsWith('dAna:')) dealEditsMap(doc).delete(key);
      },
    ],
    [
      'append to her deal history',
      (doc) => dealEditsMap(doc).set('dAna:forged', toStored({ at: 1, author: 'ana', changes: [] })),
    ],
    [
      'overwrite her record in his own name',
      (doc) =>
        dealEntriesMap(doc).set(
          'dAna',
          toStored({ ...input('mine now'), author: 'ben', authorId: ids.ben, createdAt: 1, updatedAt: 1 }),
        ),
    ],
    ['delete her deal', (doc) => dealEntriesMap(doc).delete('dAna')],
    [
      'overwrite her deal and delete it in one go (arrives as deleted content)',
      (doc) => {
        dealEntriesMap(doc).set(
          'dAna',
          toStored({ ...input('x'), author: 'ben', authorId: ids.ben, createdAt: 1, updatedAt: 1 }),
        );
        dealEntriesMap(doc).delete('dAna');
      },
    ],
    [
      'log a new deal in her name',
      (doc) =>
        dealEntriesMap(doc).set(
          'dFake',
          toStored({ ...input('fake'), author: 'ana', authorId: ids.ana, createdAt: 1, updatedAt: 1 }),
        ),
    ],
    [
      "log a new deal in nobody's name",
      (doc) =>
        dealEntriesMap(doc).set('dNobody', toStored({ ...input('anon'), author: 'ana', createdAt: 1, updatedAt: 1 })),
    ],
    ['delete her anchored note', (doc) => anchorsMap(doc).delete('aAna')],
    ['rewrite her anchored note', (doc) => anchorsMap(doc).set('aAna', { note: 'changed', authorId: ids.ben })],
    [
      'anchor a note in her name',
      (doc) => anchorsMap(doc).set('aFake', { note: 'x', author: 'ana', authorId: ids.ana }),
    ],
    ['write outside the deal log', (doc) => doc.getMap('elsewhere').set('k', 'v')],
    ['write into the old layout', (doc) => doc.getMap('deals').set('dOld', new Y.Map())],
    [
      'hide a change to her deal among his own new deal',
      (doc) => {
        dealEntriesMap(doc).set(
          'dBenMixed',
          toStored({ ...input('ok'), author: 'ben', authorId: ids.ben, createdAt: 1, updatedAt: 1 }),
        );
        dealFieldsMap(doc).set(fieldKey('dAna', 'amount'), 1);
      },
    ],
  ];
  // Marketing writes notes too, but only the storyteller moderates: both get the same refusals.
  for (const [who, label] of [
    ['ben', 'Ben (sales)'],
    ['mia', 'Mia (marketing)'],
  ] as const)
    for (const [what, change] of refusals)
      it(`refuses ${label} trying to ${what}`, async () => {
        await expectRefused(who, change);
      });

  it("accepts a member's own deal: logged, edited and deleted with the app's functions", async () => {
    let stored = await expectStored('ben', (doc) => void addDeal(doc, input('Ben deal'), writer('ben'), 'dBen'));
    expect(readDeal(stored, 'dBen')?.authorId).toBe(ids.ben);
    stored = await expectStored(
      'ben',
      (doc) => void updateDeal(doc, 'dBen', { outcome: 'lost-competitor' }, writer('ben')),
    );
    expect(readDeal(stored, 'dBen')?.outcome).toBe('lost-competitor');
    stored = await expectStored('ben', (doc) => void removeDeal(doc, 'dBen', writer('ben')));
    expect(readDeal(stored, 'dBen')).toBeNull();
  });

  it('accepts offline work that created, edited and deleted a deal before it reached the server', async () => {
    const stored = await expectStored('mia', (doc) => {
      addDeal(doc, input('Offline'), writer('mia'), 'dOffline');
      updateDeal(doc, 'dOffline', { amount: 5 }, writer('mia'));
      updateDeal(doc, 'dOffline', { amount: 6 }, writer('mia'));
      removeDeal(doc, 'dOffline', writer('mia'));
    });
    expect(readDeal(stored, 'dOffline')).toBeNull();
  });

  it("lets the storyteller moderate: edit and delete another member's deal", async () => {
    let stored = await expectStored(
      'sam',
      (doc) => void updateDeal(doc, 'dAna', { note: 'fixed typo' }, writer('sam', true)),
    );
    expect(readDeal(stored, 'dAna')).toMatchObject({ note: 'fixed typo', authorId: ids.ana });
    await expectStored('sam', (doc) => void addDeal(doc, input('To remove'), writer('ana'), 'dAna2'));
    stored = await expectStored('sam', (doc) => void removeDeal(doc, 'dAna2', writer('sam', true)));
    expect(readDeal(stored, 'dAna2')).toBeNull();
  });

  it('keeps deals no server vouched for (no member id) for the storyteller to change', async () => {
    await expectStored('sam', (doc) =>
      dealEntriesMap(doc).set('dLegacy', toStored({ ...input('legacy'), author: 'ben', createdAt: 1, updatedAt: 1 })),
    );
    await expectRefused('ben', (doc) => dealFieldsMap(doc).set(fieldKey('dLegacy', 'outcome'), 'lost-competitor'));
    const stored = await expectStored('sam', (doc) =>
      dealFieldsMap(doc).set(fieldKey('dLegacy', 'outcome'), 'lost-competitor'),
    );
    expect(readDeal(stored, 'dLegacy')?.outcome).toBe('lost-competitor');
  });

  it('lets the author edit through a stock y-websocket client', async () => {
    expect(updateDeal(anchor.doc, 'dAna', { amount: 2500 }, writer('ana')).ok).toBe(true);
    await waitUntil(
      () => anchor.saved(),
      5_000,
      () => 'ana edit not saved',
    );
    const stored = await readStoredDoc(server.url, DOC, tokens.sam as string);
    expect(readDeal(stored, 'dAna')?.amount).toBe(2500);
  });
});
