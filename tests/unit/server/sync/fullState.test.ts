// What a joining client receives when the server answers from its kept copy of the whole document
// (server/sync/FullState.ts): the whole document when it has nothing — the compacted rows it was loaded
// from, and after every later change the changes as well — and only what it lacks when it has something.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../../../server/http/Metrics';
import { singleNodeBroadcaster } from '../../../../server/storage/Broadcaster';
import type { CompactionReport } from '../../../../server/storage/DocStorage';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import type { Peer } from '../../../../server/sync/Peer';
import { FullState } from '../../../../server/sync/FullState';
import { SharedDoc } from '../../../../server/sync/SharedDoc';
import { framePayload } from '../helpers/framePayload';

const NAME = 'acme/notes/p1';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A storyteller's connection that keeps every answer it is sent: the updates of a reply in pieces and its
 * closing sync step 2, merged into one.
 */
function joiner(): Peer & { replies: Uint8Array[] } {
  const replies: Uint8Array[] = [];
  let pieces: Uint8Array[] = [];
  const send = (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return;
    const step = decoding.readVarUint(decoder);
    if (step === 0) return; // the server's own step 1
    pieces.push(decoding.readVarUint8Array(decoder));
    if (step !== 1) return; // a piece of a reply (or a relayed update): the step 2 closes it
    replies.push(pieces.length === 1 ? pieces[0]! : Y.mergeUpdates(pieces));
    pieces = [];
  };
  return {
    identity: { memberId: 'm1', name: 'Sam', role: 'storyteller' },
    extensions: false,
    send,
    sendFrame: (frame) => send(framePayload(frame)),
    close: () => {},
    replies,
  };
}

/** What a client that starts from `base` and applies `reply` ends with. */
function received(reply: Uint8Array, base?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(doc, reply);
  return doc;
}

/**
 * A store holding the compacted updates `write` makes to its deals (the way an unloaded document rests), the
 * source document and what the compaction did.
 */
async function compactedStore(
  write: (deals: Y.Map<unknown>) => void = (deals) => {
    for (let i = 0; i < 50; i++) deals.set(`d${i}`, `{"account":"Account ${i}"}`);
  },
): Promise<{ stores: ReturnType<typeof openSqliteStores>; source: Y.Doc; compacted: CompactionReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'duet-fullstate-'));
  dirs.push(dir);
  const stores = openSqliteStores(dir);
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  write(source.getMap('dealEntries'));
  await stores.storage.append(NAME, updates);
  return { stores, source, compacted: await stores.storage.compact(NAME) };
}

/** The document as the server loads it for a first connection. */
function load(stores: ReturnType<typeof openSqliteStores>): Promise<SharedDoc> {
  return SharedDoc.load(NAME, {
    storage: stores.storage,
    broadcaster: singleNodeBroadcaster,
    metrics: new Metrics(),
    compactEvery: 500,
  });
}

/** `writer` changes its deals and sends the change through `peer`, as a writer's client does. */
function write(shared: SharedDoc, peer: Peer, writer: Y.Doc, change: (deals: Y.Map<unknown>) => void): void {
  const before = Y.encodeStateVector(writer);
  change(writer.getMap('dealEntries'));
  expect(shared.applyUpdate(peer, Y.encodeStateAsUpdate(writer, before)).ok).toBe(true);
}

describe('a joining client', () => {
  it('with nothing receives the whole document, and after a change the change too', async () => {
    const { stores, source } = await compactedStore();
    const shared = await load(stores);
    const first = joiner();
    shared.addPeer(first);
    shared.replyToSyncStep1(first, Y.encodeStateVector(new Y.Doc()));
    shared.replyToSyncStep1(first, Y.encodeStateVector(new Y.Doc()));
    await shared.drain();
    expect(first.replies).toHaveLength(2);
    for (const reply of first.replies)
      expect(received(reply).getMap('dealEntries').toJSON()).toEqual(source.getMap('dealEntries').toJSON());

    // A writer adds a deal and changes one: the next client with nothing must see both.
    write(shared, first, received(Y.encodeStateAsUpdate(source)), (deals) => {
      deals.set('d50', '{"account":"Account 50"}');
      deals.set('d7', '{"account":"Renamed"}');
    });
    const second = joiner();
    shared.addPeer(second);
    shared.replyToSyncStep1(second, Y.encodeStateVector(new Y.Doc()));
    await shared.drain();
    const seen = received(second.replies[0]!).getMap('dealEntries');
    expect(seen.size).toBe(51);
    expect(seen.get('d7')).toBe('{"account":"Renamed"}');
    shared.destroy();
    await stores.close();
  });

  it('with part of the document receives only what it lacks', async () => {
    const { stores, source } = await compactedStore();
    const shared = await load(stores);
    const peer = joiner();
    shared.addPeer(peer);
    write(shared, peer, received(Y.encodeStateAsUpdate(source)), (deals) =>
      deals.set('d50', '{"account":"Account 50"}'),
    );
    shared.replyToSyncStep1(peer, Y.encodeStateVector(source));
    await shared.drain();
    const reply = peer.replies[0]!;
    expect(reply.byteLength).toBeLessThan(Y.encodeStateAsUpdate(source).byteLength / 10);
    expect(received(reply, source).getMap('dealEntries').get('d50')).toBe('{"account":"Account 50"}');
    shared.destroy();
    await stores.close();
  });

  it('with everything receives only the deletions, and a deletion made meanwhile too', async () => {
    const { stores, source } = await compactedStore();
    const shared = await load(stores);
    const writer = received(Y.encodeStateAsUpdate(source));
    const peer = joiner();
    shared.addPeer(peer);
    write(shared, peer, writer, (deals) => deals.set('d7', '{"account":"Renamed"}')); // the old value: a deletion

    // Two clients that reload with the whole document (a reconnect, a node's restart) get the same small reply.
    const caughtUp = received(Y.encodeStateAsUpdate(writer));
    shared.replyToSyncStep1(peer, Y.encodeStateVector(caughtUp));
    shared.replyToSyncStep1(peer, Y.encodeStateVector(caughtUp));
    await shared.drain();
    const [first, second] = peer.replies;
    expect(first!.byteLength).toBeLessThan(100);
    expect(second).toEqual(first);
    Y.applyUpdate(caughtUp, first!);
    expect(caughtUp.getMap('dealEntries').toJSON()).toEqual(writer.getMap('dealEntries').toJSON());

    // A deletion adds no item, so the state vector stays the same: the reply must still carry it.
    const before = Y.encodeStateVector(writer);
    write(shared, peer, writer, (deals) => deals.delete('d9'));
    expect(Y.encodeStateVector(writer)).toEqual(before);
    const unaware = received(Y.encodeStateAsUpdate(caughtUp));
    shared.replyToSyncStep1(peer, Y.encodeStateVector(unaware));
    await shared.drain();
    Y.applyUpdate(unaware, peer.replies[2]!);
    expect(unaware.getMap('dealEntries').has('d9')).toBe(false);
    expect(unaware.getMap('dealEntries').size).toBe(49);
    shared.destroy();
    await stores.close();
  });

  it('with nothing, of a large document resting as a few rows, receives those rows as they are stored', async () => {
    const { stores, source, compacted } = await compactedStore((deals) => {
      deals.set('d0', `{"note":"${'x'.repeat(100_000)}"}`); // one large row
      for (let i = 1; i < 21; i++) deals.set(`d${i}`, `{"account":"Account ${i}"}`);
    });
    // Compaction leaves the large row and merges the rest (size-tiered): the document rests as two rows.
    expect(compacted).toEqual({ rowsBefore: 21, rowsAfter: 2 });
    const rows = (await stores.storage.load(NAME)).map((row) => row.update);
    const shared = await load(stores);
    const sent: Uint8Array[] = [];
    const peer: Peer = {
      ...joiner(),
      send: (message) => {
        const decoder = decoding.createDecoder(message);
        if (decoding.readVarUint(decoder) !== 0) return;
        // Updates, then the closing step 2 (the server's own step 1 is not part of the answer).
        if (decoding.readVarUint(decoder) !== 0) sent.push(decoding.readVarUint8Array(decoder));
      },
    };
    shared.addPeer(peer);
    shared.replyToSyncStep1(peer, Y.encodeStateVector(new Y.Doc()));
    await shared.drain();
    // The stored rows themselves, in order: nothing was encoded for this client.
    expect(sent).toEqual(rows);
    const doc = new Y.Doc();
    for (const update of sent) Y.applyUpdate(doc, update);
    expect(doc.getMap('dealEntries').toJSON()).toEqual(source.getMap('dealEntries').toJSON());

    // After a change, the next client with nothing gets the same stored rows and then the change: the
    // document is never encoded whole for it.
    write(shared, peer, doc, (deals) => deals.set('d21', '{"account":"Account 21"}'));
    sent.length = 0;
    shared.replyToSyncStep1(peer, Y.encodeStateVector(new Y.Doc()));
    await shared.drain();
    expect(sent.slice(0, 2)).toEqual(rows);
    expect(sent).toHaveLength(3);
    const later = new Y.Doc();
    for (const update of sent) Y.applyUpdate(later, update);
    expect(later.getMap('dealEntries').get('d21')).toBe('{"account":"Account 21"}');
    expect(later.getMap('dealEntries').size).toBe(22);
    shared.destroy();
    await stores.close();
  });
});

describe('the kept whole state', () => {
  const empty = Y.encodeStateVector(new Y.Doc());
  const replay = (diff: readonly Uint8Array[]): Y.Doc => {
    const doc = new Y.Doc();
    for (const update of diff) Y.applyUpdate(doc, update);
    return doc;
  };

  it('merges the changes since its base a thousand at a time, and drops both once they outweigh the base', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(200_000));
    const stored = Y.encodeStateAsUpdate(doc);
    const state = new FullState(doc, [stored]);
    doc.on('update', (update: Uint8Array) => state.changed(update));
    for (let i = 0; i < 2_500; i++) doc.getText('t').insert(0, 'y');
    const diff = state.diff(empty);
    // The base as stored, two chunks of a thousand changes and the last five hundred.
    expect(diff).toHaveLength(4);
    expect(diff[0]).toBe(stored);
    expect(replay(diff).getText('t').toString()).toBe(doc.getText('t').toString());
    // Changes outweighing the base: the next client with nothing gets one encode of the document.
    doc.getText('t').insert(0, 'z'.repeat(250_000));
    const again = state.diff(empty);
    expect(again).toHaveLength(1);
    expect(replay(again).getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
