// Group commit and failure handling of one loaded document, over real stores: the updates of one
// event-loop turn are stored in one transaction and nobody hears of them before that transaction is
// committed; a copy whose storage failed is never handed to a new connection.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Metrics } from '../../../../server/http/Metrics';
import { CLOSE_SERVER_ERROR } from '../../../../server/protocol/messageTypes';
import { singleNodeBroadcaster } from '../../../../server/storage/Broadcaster';
import { DATABASE_FILE } from '../../../../server/storage/databaseFile';
import { DOCS_FOLDER } from '../../../../server/storage/FileDocStorage';
import { openFileStores } from '../../../../server/storage/openFileStores';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { DocRegistry } from '../../../../server/sync/DocRegistry';
import type { Peer } from '../../../../server/sync/Peer';
import { SharedDoc } from '../../../../server/sync/SharedDoc';

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

/** A connection as the doc sees it: records what it was sent, and how it was closed. */
function peer(onSend: (message: Uint8Array) => void = () => {}): Peer & { closed: number[] } {
  const closed: number[] = [];
  return {
    identity: { memberId: 'm1', name: 'Sam', role: 'storyteller' },
    extensions: false,
    send: onSend,
    close: (code) => void closed.push(code),
    closed,
  };
}

/** Twenty single-character edits of one writer, as separate Yjs updates. */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('root').insert(i, String(i % 10));
  return out;
}

describe('a loaded document', () => {
  it('stores the updates of one turn in one transaction, and relays none before it is committed', async () => {
    const dir = tempDir();
    const stores = openSqliteStores(dir);
    const metrics = new Metrics();
    const shared = await SharedDoc.load('acme/playbook/p1', {
      storage: stores.storage,
      broadcaster: singleNodeBroadcaster,
      metrics,
      compactEvery: 500,
    });
    // A second connection to the same file sees only committed rows: what the listener could have seen.
    const reader = new DatabaseSync(join(dir, DATABASE_FILE));
    const countRows = reader.prepare('SELECT COUNT(*) AS n FROM updates');
    const rowsWhenRelayed: number[] = [];
    const writer = peer();
    const listener = peer(() => rowsWhenRelayed.push(Number((countRows.get() as { n: number }).n)));
    shared.addPeer(writer);
    shared.addPeer(listener);
    rowsWhenRelayed.length = 0; // the greeting (sync step 1) is not an update

    for (const update of edits(20)) expect(shared.applyUpdate(writer, update).ok).toBe(true);
    await shared.drain();

    expect(metrics.updatesStored).toBe(20);
    expect(metrics.storeTransactions).toBe(1);
    expect(rowsWhenRelayed).toEqual(Array.from({ length: 20 }, () => 20));
    expect((await stores.storage.load('acme/playbook/p1')).map((row) => row.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    reader.close();
    shared.destroy();
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
    const [one, two] = edits(2);
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
