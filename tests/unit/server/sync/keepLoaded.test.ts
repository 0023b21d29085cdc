// A document nobody holds stays loaded for a while (DocRegistry's keepLoadedMs): the person who left it is the
// one who comes back (a reload, a laptop waking), and reloading a company's deal log decodes 23.5 MB while the
// server relays nothing for anyone. Over a real SQLite store: whoever comes back within the window gets the
// very copy, with every update; after it the copy is unloaded and compacted; stopping the server unloads
// what it kept at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Metrics } from '../../../../server/http/Metrics';
import { singleNodeBroadcaster } from '../../../../server/storage/Broadcaster';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { DocRegistry } from '../../../../server/sync/DocRegistry';
import type { Peer } from '../../../../server/sync/Peer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

const NAME = 'acme/notes/p1';

function setUp(keepLoadedMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'duet-keep-'));
  dirs.push(dir);
  const stores = openSqliteStores(dir);
  const metrics = new Metrics();
  const registry = new DocRegistry(
    { storage: stores.storage, broadcaster: singleNodeBroadcaster, metrics, compactEvery: 500 },
    { keepLoadedMs },
  );
  const loads = vi.spyOn(stores.storage, 'load');
  return { stores, metrics, registry, loads };
}

const peer: Peer = {
  identity: { memberId: 'm1', name: 'Sam', role: 'storyteller' },
  extensions: false,
  send: () => {},
  sendFrame: () => {},
  close: () => {},
};

/** Acquires the doc, writes `count` characters through a peer, and releases it once they are stored. */
async function writeAndLeave(registry: DocRegistry, count: number, offset = 0): Promise<Y.Doc> {
  const lease = registry.acquire(NAME);
  const shared = await lease.ready;
  shared.addPeer(peer);
  const source = new Y.Doc();
  source.on('update', (update: Uint8Array) => expect(shared.applyUpdate(peer, update).ok).toBe(true));
  for (let i = 0; i < count; i++) source.getText('root').insert(0, String((i + offset) % 10));
  await shared.drain();
  shared.removePeer(peer);
  lease.release();
  return source;
}

describe('a document nobody holds', () => {
  it('is handed, within the window, to whoever comes back: the same copy, not loaded again', async () => {
    const { stores, metrics, registry, loads } = setUp(60_000);
    await writeAndLeave(registry, 20);
    expect(registry.size).toBe(1);
    const first = loads.mock.calls.length;
    const lease = registry.acquire(NAME);
    const shared = await lease.ready;
    expect(loads.mock.calls.length).toBe(first);
    expect(shared.doc.getText('root').length).toBe(20);
    lease.release();
    await registry.drainAll();
    expect(registry.size).toBe(0);
    // Stopping unloads and compacts what was kept.
    expect(metrics.compactions).toBe(1);
    expect(await stores.storage.load(NAME)).toHaveLength(1);
    await stores.close();
  });

  it('is unloaded and compacted once the window has passed, and loads again whole', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { stores, metrics, registry } = setUp(30_000);
    const written = await writeAndLeave(registry, 12);
    vi.advanceTimersByTime(29_000);
    expect(registry.size).toBe(1);
    vi.advanceTimersByTime(1_000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(metrics.compactions).toBe(1));
    expect(registry.size).toBe(0);
    const lease = registry.acquire(NAME);
    expect((await lease.ready).doc.getText('root').toString()).toBe(written.getText('root').toString());
    lease.release();
    await registry.drainAll();
    await stores.close();
  });

  it('is not unloaded by a window that began before someone came back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { stores, registry } = setUp(30_000);
    await writeAndLeave(registry, 5);
    vi.advanceTimersByTime(20_000);
    const lease = registry.acquire(NAME); // back before the 30 s are up, and staying
    vi.advanceTimersByTime(60_000);
    vi.useRealTimers();
    expect(registry.size).toBe(1);
    expect((await lease.ready).isFailed).toBe(false);
    lease.release();
    await registry.drainAll();
    expect(registry.size).toBe(0);
    await stores.close();
  });

  it('unloads at once with no window (a cluster node’s default)', async () => {
    const { stores, registry } = setUp(0);
    await writeAndLeave(registry, 3);
    await registry.drainAll();
    expect(registry.size).toBe(0);
    await stores.close();
  });
});
