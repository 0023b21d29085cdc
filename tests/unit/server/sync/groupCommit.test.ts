// Group commit and failure handling of one loaded document, over real stores: the updates of one task are
// stored in one transaction and nobody hears of them before that transaction is committed; a lone update
// does not wait for the rest of the event loop's iteration, and what arrives while a group is being stored
// goes together as the next; a copy whose storage failed is never handed to a new connection.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Metrics } from '../../../../server/http/Metrics';
import { CLOSE_SERVER_ERROR, MESSAGE_STORED, MESSAGE_SYNC } from '../../../../server/protocol/messageTypes';
import { singleNodeBroadcaster } from '../../../../server/storage/Broadcaster';
import { DATABASE_FILE } from '../../../../server/storage/databaseFile';
import { DOCS_FOLDER } from '../../../../server/storage/FileDocStorage';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { DocRegistry } from '../../../../server/sync/DocRegistry';
import { GroupCommit } from '../../../../server/sync/GroupCommit';
import type { Peer } from '../../../../server/sync/Peer';
import { SharedDoc } from '../../../../server/sync/SharedDoc';
import { framePayload } from '../helpers/framePayload';
import { typedUpdates } from '../helpers/typedUpdates';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duet-group-'));
  dirs.push(dir);
  return dir;
}

/** A document loaded over a fresh SQLite store in `dir`, as a single node holds it. */
async function loadedDoc(dir: string = tempDir()) {
  const stores = openSqliteStores(dir);
  const metrics = new Metrics();
  const shared = await SharedDoc.load('acme/playbook/p1', {
    storage: stores.storage,
    broadcaster: singleNodeBroadcaster,
    metrics,
    compactEvery: 500,
  });
  return { stores, metrics, shared };
}

/** A connection as the doc sees it: records what it was sent, and how it was closed. */
function peer(onSend: (message: Uint8Array) => void = () => {}, extensions = false): Peer & { closed: number[] } {
  const closed: number[] = [];
  return {
    identity: { memberId: 'm1', name: 'Sam', role: 'storyteller' },
    extensions,
    send: onSend,
    sendFrame: (frame) => onSend(framePayload(frame)),
    close: (code) => void closed.push(code),
    closed,
  };
}

describe('a loaded document', () => {
  it('stores the updates of one task in one transaction, relays and confirms none before it is committed', async () => {
    const dir = tempDir();
    const { stores, metrics, shared } = await loadedDoc(dir);
    // A second connection to the same file sees only committed rows: what the listener could have seen.
    const reader = new DatabaseSync(join(dir, DATABASE_FILE));
    const countRows = reader.prepare('SELECT COUNT(*) AS n FROM updates');
    const rowsWhenSent: number[] = [];
    const received = new Y.Doc();
    const confirmed: Map<number, number>[] = [];
    const writer = peer((message) => {
      rowsWhenSent.push(Number((countRows.get() as { n: number }).n));
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) === MESSAGE_STORED)
        confirmed.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    }, true);
    const listener = peer((message) => {
      rowsWhenSent.push(Number((countRows.get() as { n: number }).n));
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      decoding.readVarUint(decoder); // update or step 1
      if (message[1] === 2) Y.applyUpdate(received, decoding.readVarUint8Array(decoder));
    });
    shared.addPeer(writer);
    shared.addPeer(listener);
    rowsWhenSent.length = 0; // the greetings (sync step 1) are not updates

    const updates = typedUpdates(20, (i) => String(i % 10));
    for (const update of updates) expect(shared.applyUpdate(writer, update).ok).toBe(true);
    await shared.drain();

    expect(metrics.updatesStored).toBe(20);
    expect(metrics.storeTransactions).toBe(1);
    // The listener got the 20 updates and the writer ONE `stored` for them all, each after the commit.
    expect(rowsWhenSent).toEqual(Array.from({ length: 21 }, () => 20));
    expect(received.getText('root').toString()).toBe('01234567890123456789');
    const written = new Y.Doc();
    for (const update of updates) Y.applyUpdate(written, update);
    expect(confirmed).toEqual([Y.decodeStateVector(Y.encodeStateVector(written))]);
    expect((await stores.storage.load('acme/playbook/p1')).map((row) => row.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    reader.close();
    shared.destroy();
    await stores.close();
  });

  it('stores the updates of several documents from one task in one transaction, and relays none before it', async () => {
    const dir = tempDir();
    const stores = openSqliteStores(dir);
    const metrics = new Metrics();
    const registry = new DocRegistry({
      storage: stores.storage,
      broadcaster: singleNodeBroadcaster,
      metrics,
      compactEvery: 500,
    });
    const reader = new DatabaseSync(join(dir, DATABASE_FILE));
    const countRows = reader.prepare('SELECT COUNT(*) AS n FROM updates');
    const names = ['acme/playbook/p1', 'acme/playbook/p2', 'acme/notes/p1'];
    const leases = names.map((name) => registry.acquire(name));
    const docs = await Promise.all(leases.map((lease) => lease.ready));
    const rowsWhenRelayed: number[] = [];
    for (const shared of docs) {
      shared.addPeer(peer());
      shared.addPeer(peer(() => rowsWhenRelayed.push(Number((countRows.get() as { n: number }).n))));
    }
    rowsWhenRelayed.length = 0;
    const writers = [...docs].map((shared) => [...shared.peers][0]!);
    docs.forEach((shared, i) => {
      for (const update of typedUpdates(5, (i) => String(i % 10)))
        expect(shared.applyUpdate(writers[i]!, update).ok).toBe(true);
    });
    await registry.drainAll();

    expect(metrics.updatesStored).toBe(15);
    expect(metrics.storeTransactions).toBe(1);
    expect(rowsWhenRelayed).toEqual(Array.from({ length: 15 }, () => 15));
    for (const name of names) expect((await stores.storage.load(name)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    reader.close();
    for (const lease of leases) lease.release();
    await registry.drainAll();
    await stores.close();
  });

  it('confirms an update that changed nothing, and relays to a writer what the others wrote', async () => {
    const { stores, shared } = await loadedDoc();
    const kinds = (log: number[]) => (message: Uint8Array) =>
      log.push(message[0] === MESSAGE_SYNC ? message[1]! : message[0]!);
    const aLog: number[] = [];
    const bLog: number[] = [];
    const a = peer(kinds(aLog), true);
    const b = peer(kinds(bLog), true);
    shared.addPeer(a);
    shared.addPeer(b);
    aLog.length = 0;
    bLog.length = 0;
    const [first, second] = typedUpdates(2, (i) => String(i % 10));
    const other = new Y.Doc();
    other.getText('root').insert(0, 'b');
    shared.applyUpdate(a, first!);
    shared.applyUpdate(b, Y.encodeStateAsUpdate(other));
    shared.applyUpdate(a, second!);
    await shared.drain();
    // Each writer gets the other's update (sync update = 2) and one `stored` for the batch.
    expect(aLog).toEqual([2, MESSAGE_STORED]);
    expect(bLog).toEqual([2, 2, MESSAGE_STORED]);
    aLog.length = 0;
    shared.applyUpdate(a, first!); // already stored: no batch, still confirmed
    await shared.drain();
    expect(aLog).toEqual([MESSAGE_STORED]);

    // A batch opened by b: a's duplicate and then its new edit are confirmed together, by ONE `stored`
    // that covers the new edit (a `stored` from before it would tell a it had lost its edit).
    const lastStored: Map<number, number>[] = [];
    const c = peer((message) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) === MESSAGE_STORED)
        lastStored.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    }, true);
    shared.addPeer(c);
    const cDoc = new Y.Doc();
    Y.applyUpdate(cDoc, Y.encodeStateAsUpdate(shared.doc));
    const cEdits: Uint8Array[] = [];
    cDoc.on('update', (update: Uint8Array) => cEdits.push(update));
    cDoc.getText('root').insert(0, 'c');
    other.getText('root').insert(0, 'b');
    shared.applyUpdate(b, Y.encodeStateAsUpdate(other));
    shared.applyUpdate(c, first!);
    shared.applyUpdate(c, cEdits[0]!);
    await shared.drain();
    expect(lastStored).toHaveLength(1);
    expect(lastStored[0]!.get(cDoc.clientID)).toBe(1);
    shared.destroy();
    await stores.close();
  });

  it('stores and relays a lone update before the event loop moves on to its next iteration', async () => {
    const { stores, metrics, shared } = await loadedDoc();
    let iterationOver = false;
    const relayedLate: boolean[] = [];
    const writer = peer();
    shared.addPeer(writer);
    shared.addPeer(peer(() => relayedLate.push(iterationOver)));
    relayedLate.length = 0; // the greeting
    // Queued before the update arrives: runs once the loop's iteration is over.
    setImmediate(() => (iterationOver = true));
    const [update] = typedUpdates(1);
    expect(shared.applyUpdate(writer, update!).ok).toBe(true);
    await shared.drain();
    expect(metrics.updatesStored).toBe(1);
    expect(relayedLate).toEqual([false]);
    shared.destroy();
    await stores.close();
  });

  it('while a group is being stored, collects what becomes ready and stores it together next', async () => {
    const stores = openSqliteStores(tempDir());
    const groups: string[][] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The real store, held up on its first group as a database round trip would hold it.
    const commits = new GroupCommit(
      {
        appendMany: async (batches) => {
          groups.push(batches.map((batch) => batch.docName));
          if (groups.length === 1) await gate;
          return stores.storage.appendMany(batches);
        },
      },
      new Metrics(),
    );
    const [a, b, c] = typedUpdates(3);
    const first = commits.store('acme/playbook/a', () => [a!]);
    await Promise.resolve();
    expect(groups).toEqual([['acme/playbook/a']]); // formed at once: nothing else was being stored
    // Two later tasks of one iteration (two timers), while the first group waits on the store.
    const later = await new Promise<Promise<number>[]>((resolve) => {
      const stored: Promise<number>[] = [];
      setTimeout(() => stored.push(commits.store('acme/playbook/b', () => [b!])));
      setTimeout(() => resolve([...stored, commits.store('acme/playbook/c', () => [c!])]));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([['acme/playbook/a'], ['acme/playbook/b', 'acme/playbook/c']]);
    open();
    expect(await Promise.all([first, ...later])).toEqual([1, 1, 1]);
    for (const name of ['a', 'b', 'c'])
      expect((await stores.storage.load(`acme/playbook/${name}`)).map((row) => row.seq)).toEqual([1]);
    await stores.close();
  });

  it('is never handed to a new connection after its storage failed; the next one gets a fresh copy', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = tempDir();
    const stores = openFileStores(dir);
    const registry = new DocRegistry({
      storage: stores.storage,
      broadcaster: singleNodeBroadcaster,
      metrics: new Metrics(),
      compactEvery: 500,
    });
    const first = registry.acquire('acme/playbook/p1');
    const broken = await first.ready;
    const writer = peer();
    broken.addPeer(writer);
    rmSync(join(dir, DOCS_FOLDER), { recursive: true }); // the disk goes away under the store
    const [one, two] = typedUpdates(2, (i) => String(i % 10));
    broken.applyUpdate(writer, one!);
    await broken.drain();
    expect(broken.isFailed).toBe(true);
    expect(writer.closed).toEqual([CLOSE_SERVER_ERROR]);

    mkdirSync(join(dir, DOCS_FOLDER)); // the disk is back
    const second = registry.acquire('acme/playbook/p1');
    const fresh = await second.ready;
    expect(fresh).not.toBe(broken);
    expect(fresh.isFailed).toBe(false);
    const again = peer();
    fresh.addPeer(again);
    // The client resends what was never stored; now it is.
    fresh.applyUpdate(again, one!);
    fresh.applyUpdate(again, two!);
    await fresh.drain();
    expect((await stores.storage.load('acme/playbook/p1')).length).toBe(2);
    first.release();
    second.release();
    await registry.drainAll();
    await stores.close();
  });
});
