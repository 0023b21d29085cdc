// The app's SyncLink against the REAL sync server process: what it says about unsent changes and the
// connection is what a user reads in the title bar and the sidebar, so every figure here is one they see.
// A client joining a large document receives it in slices: other work (a paint, a keystroke) runs between
// them, and the link says "live" only once everything has arrived.
import { createServer, type Socket } from 'node:net';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_LOAD_ORIGIN } from '../../../../renderer/collab/LocalPersistence';
import { SyncLink, type LinkState } from '../../../../renderer/collab/SyncLink';
import { importDeals, readDeals } from '../../../../shared/collab/notes';
import { MESSAGE_SYNC_DEFLATED } from '../../../../shared/collab/syncProtocol';
import { companyDeals, companyNarrativeIds } from '../../../../bench/pages/companyDeals';
import { waitUntil } from '../../server/helpers/clients';
import {
  buildServerOnce,
  invite,
  startServer,
  tempDataDir,
  type ServerProcess,
} from '../../server/helpers/serverProcess';

const DOC = 'acme/playbook/p1';
const NOTES = 'acme/notes/p1';
/**
 * Three values of ~700 KB each: 2.1 MB in all. Each is larger than a slice of half a megabyte, so each stored
 * row the server sends a joiner is sliced. (With rows under a slice, Node's `ws` hands several messages of one
 * socket read to the client in one task, which y-websocket applies back to back; in a browser every message
 * is a task of its own.)
 */
const VALUES = Array.from({ length: 3 }, (_, i) => `${i}`.repeat(700_000));
let dataDir: string;
let server: ServerProcess;
const links: SyncLink[] = [];

function memory(): { get(key: string): string | null; set(key: string, value: string): void } {
  const values = new Map<string, string>();
  return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

function open(token: string, remember = memory(), doc = new Y.Doc(), connect = true): SyncLink {
  const link = new SyncLink(doc, DOC, {
    serverUrl: server.url,
    token,
    memory: remember,
    connect,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  links.push(link);
  return link;
}

/** A reload: the same device memory, a new Y.Doc holding what local storage had, a new link. */
function reload(link: SyncLink, remember: ReturnType<typeof memory>, token: string, connect = true): SyncLink {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(link.doc), LOCAL_LOAD_ORIGIN);
  link.destroy();
  return open(token, remember, doc, connect);
}

const live = (link: SyncLink) =>
  waitUntil(
    () => link.getState().status === 'live',
    10_000,
    () => 'link never live',
  );
const text = (link: SyncLink) => link.doc.getText('t').toString();

async function rejectedMessages(): Promise<string[]> {
  const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
  return metrics.split('\n').filter((line) => line.startsWith('duet_rejected_messages_total{'));
}

beforeAll(async () => {
  buildServerOnce();
  dataDir = tempDataDir();
  server = await startServer(dataDir);
}, 120_000);
afterEach(() => {
  for (const link of links.splice(0)) link.destroy();
});
afterAll(async () => {
  await server?.stop();
});

describe('SyncLink', () => {
  it('a reader never has changes to send, through a reload and a burst of the storyteller’s edits', async () => {
    const storyteller = open(invite(dataDir, 'acme', 'Maya', 'storyteller'));
    await live(storyteller);
    storyteller.provider.awareness.setLocalStateField('name', 'Maya');
    storyteller.doc.getText('t').insert(0, 'x'.repeat(2999));
    await waitUntil(
      () => storyteller.getState().unconfirmed === 0,
      5_000,
      () => 'storyteller not saved',
    );

    const salesToken = invite(dataDir, 'acme', 'Rep', 'sales');
    const salesMemory = memory();
    let rep = open(salesToken, salesMemory);
    await live(rep);
    await waitUntil(
      () => text(rep).length === 2999,
      5_000,
      () => 'reader did not receive the text',
    );
    expect(rep.getState().session?.canWrite).toBe(false);
    expect(rep.getState().unconfirmed).toBe(0);

    // The remote operations now come from local storage, as after a browser reload.
    rep = reload(rep, salesMemory, salesToken, false);
    const seen: number[] = [];
    rep.subscribe((state: LinkState) => seen.push(state.unconfirmed));
    expect(rep.getState().unconfirmed).toBe(0);
    rep.connect();
    await live(rep);
    rep.provider.awareness.setLocalStateField('name', 'Rep');
    for (let i = 0; i < 50; i++) {
      storyteller.doc.getText('t').insert(0, `edit ${i} `);
      storyteller.provider.awareness.setLocalStateField('cursor', i); // presence travels with every edit
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitUntil(
      () => text(rep) === text(storyteller),
      5_000,
      () => 'reader missed the burst',
    );

    expect(rep.getState().unconfirmed).toBe(0);
    expect(Math.max(0, ...seen)).toBe(0);
    await waitUntil(
      () => rep.provider.awareness.getStates().get(storyteller.doc.clientID)?.cursor === 49,
      5_000,
      () => 'presence did not arrive',
    );
    // The reader sent nothing the server had to drop — not even the answer to the server's sync step 1, nor
    // the storyteller's presence back to the server.
    expect(await rejectedMessages()).toEqual([]);
  });

  it('counts only this device’s offline edits, says offline with the next attempt, and retries at once', async () => {
    const token = invite(dataDir, 'acme', 'Jonas', 'marketing');
    const colleague = open(invite(dataDir, 'acme', 'Maya 2', 'storyteller'));
    const mine = memory();
    let link = open(token, mine);
    await Promise.all([live(colleague), live(link)]);
    colleague.doc.getText('t').insert(0, 'their words ');
    await waitUntil(
      () => text(link) === text(colleague),
      5_000,
      () => 'colleague’s words missing',
    );
    expect(link.getState().unconfirmed).toBe(0);

    const port = server.port;
    await server.stop();
    await waitUntil(
      () => link.getState().nextRetryAt !== null,
      5_000,
      () => 'never said when it retries',
    );
    expect(link.getState().status).toBe('offline');
    link.doc.getText('t').insert(0, 'hello');
    expect(link.getState().unconfirmed).toBe(5);

    // After a reload the count is the same: this device's edits, not the colleague's.
    link = reload(link, mine, token);
    expect(link.getState().unconfirmed).toBe(5);
    // Let a few attempts fail so the next scheduled one is seconds away.
    await waitUntil(
      () => (link.getState().nextRetryAt ?? 0) - Date.now() > 3_000,
      15_000,
      () => `retry stayed close: ${JSON.stringify(link.getState())}`,
    );
    expect(link.getState().status).toBe('offline');
    server = await startServer(dataDir, port);
    const scheduled = link.getState().nextRetryAt!;
    link.retryNow();
    await waitUntil(
      () => link.getState().status === 'live' && link.getState().unconfirmed === 0,
      5_000,
      () => JSON.stringify(link.getState()),
    );
    expect(Date.now()).toBeLessThan(scheduled);
    expect(link.getState().nextRetryAt).toBeNull();
  }, 40_000);

  it('a server that never answers is offline after the first attempt times out, not "connecting" forever', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket)); // accepts, never completes the handshake
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const link = new SyncLink(new Y.Doc(), DOC, {
        serverUrl: `ws://127.0.0.1:${port}`,
        token: 'any',
        connectTimeoutMs: 300,
        WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      links.push(link);
      expect(link.getState().status).toBe('connecting');
      await waitUntil(
        () => link.getState().nextRetryAt !== null,
        3_000,
        () => JSON.stringify(link.getState()),
      );
      expect(link.getState().status).toBe('offline');
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a joining client applies a large document in slices with other work between, and is live once it is all there', async () => {
    const writer = open(invite(dataDir, 'acme', 'Maya', 'storyteller'));
    await live(writer);
    // One frame per value (the server refuses frames over 1 MB after the first sync).
    for (const [i, value] of VALUES.entries()) writer.doc.getMap('deals').set(`k${i}`, value);
    await waitUntil(
      () => writer.getState().unconfirmed === 0,
      15_000,
      () => 'writer never stored',
    );

    const doc = new Y.Doc();
    let slices = 0;
    let ticksBetween = 0;
    let ticking = false;
    const tick = (): void => {
      if (!ticking) return;
      ticksBetween++;
      setTimeout(tick, 0);
    };
    doc.on('afterTransaction', () => {
      slices++;
      if (!ticking) {
        ticking = true;
        setTimeout(tick, 0); // runs only if the apply yields to the event loop
      }
    });
    const joiner = open(invite(dataDir, 'acme', 'Sam', 'storyteller'), memory(), doc);
    let completeWhenLive = false;
    joiner.subscribe((state) => {
      if (state.status === 'live')
        completeWhenLive = VALUES.every((value, i) => doc.getMap('deals').get(`k${i}`) === value);
    });
    await live(joiner);
    ticking = false;
    expect(completeWhenLive).toBe(true);
    expect(slices).toBeGreaterThan(1);
    expect(ticksBetween).toBeGreaterThan(0);
  }, 60_000);

  it('a joining app receives a large document deflated, a stock client as plain sync messages, both whole', async () => {
    // A deal log written offline, then sent in the writer's first sync (up to 32 MiB in one frame).
    const source = new Y.Doc();
    importDeals(source, companyDeals(1_500, companyNarrativeIds()), { author: 'Ana', now: 1 });
    const raw = Y.encodeStateAsUpdate(source).length;
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(source), LOCAL_LOAD_ORIGIN);
    const writer = new SyncLink(offline, NOTES, {
      serverUrl: server.url,
      token: invite(dataDir, 'acme', 'Maya', 'storyteller'),
      memory: memory(),
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    links.push(writer);
    await waitUntil(
      () => writer.getState().status === 'live' && writer.getState().unconfirmed === 0,
      20_000,
      () => 'writer never stored',
    );

    // What each joiner's socket receives: bytes, and the message types (the first byte of each frame).
    const counted = { bytes: 0, types: new Set<number>() };
    class CountingSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        // y-websocket asks for ArrayBuffers.
        this.on('message', (data: ArrayBuffer | Buffer) => {
          const bytes = new Uint8Array(data);
          counted.bytes += bytes.length;
          counted.types.add(bytes[0]!);
        });
      }
    }
    const joiner = new SyncLink(new Y.Doc(), NOTES, {
      serverUrl: server.url,
      token: invite(dataDir, 'acme', 'Sam', 'storyteller'),
      memory: memory(),
      WebSocketImpl: CountingSocket as unknown as typeof globalThis.WebSocket,
    });
    links.push(joiner);
    let wholeWhenLive = false;
    joiner.subscribe((state) => {
      if (state.status === 'live') wholeWhenLive = readDeals(joiner.doc).length === 1_500;
    });
    await waitUntil(
      () => joiner.getState().status === 'live',
      20_000,
      () => 'joiner never live',
    );
    expect(wholeWhenLive).toBe(true);
    expect(readDeals(joiner.doc)).toEqual(readDeals(source));
    expect(counted.types.has(MESSAGE_SYNC_DEFLATED)).toBe(true);
    expect(counted.bytes).toBeLessThan(raw / 4);

    // y-websocket's own provider, unmodified, asks for nothing: it gets the document as sync messages.
    const stock = new WebsocketProvider(server.url, NOTES, new Y.Doc(), {
      params: { token: invite(dataDir, 'acme', 'Lee', 'storyteller') },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await waitUntil(
        () => stock.synced,
        20_000,
        () => 'stock client never synced',
      );
      expect(readDeals(stock.doc)).toEqual(readDeals(source));
    } finally {
      stock.destroy();
    }
  }, 60_000);

  it('says whether this device has had the server’s whole document, and remembers it across a restart', async () => {
    const token = invite(dataDir, 'acme', 'Ana', 'sales');
    const remember = memory();
    const first = open(token, remember, new Y.Doc(), false);
    // Never connected: what this device holds may be only part of the server's copy.
    expect(first.getState().received).toBe(false);
    first.connect();
    const seen: boolean[] = [];
    first.subscribe((state) => seen.push(state.received));
    await live(first);
    expect(first.getState().received).toBe(true);
    expect(seen.indexOf(true)).toBeGreaterThan(-1);
    // Restarted without connecting (the server unreachable): it still has had it.
    const restarted = reload(first, remember, token, false);
    expect(restarted.getState().received).toBe(true);
    // Another device (its own memory) has not.
    expect(open(token, memory(), new Y.Doc(), false).getState().received).toBe(false);
    // Unless the document is one it has just created under a new id: nothing of it is on the server yet.
    const creator = memory();
    SyncLink.rememberNew({ serverUrl: server.url, memory: creator }, DOC);
    expect(open(token, creator, new Y.Doc(), false).getState().received).toBe(true);
  });

  it('remembers the role the server gave, so a restart without the server keeps a viewer read-only', async () => {
    const token = invite(dataDir, 'acme', 'Vic', 'viewer');
    const remember = memory();
    const first = open(token, remember, new Y.Doc(), false);
    expect(first.getState().lastRole).toBeNull(); // the server never said: the app falls back on its setting
    first.connect();
    await live(first);
    await waitUntil(
      () => first.getState().session !== null,
      5_000,
      () => 'no session from the server',
    );
    expect(first.getState()).toMatchObject({ lastRole: 'viewer', session: { role: 'viewer', canWrite: false } });
    // Restarted with the server unreachable: no session, but the role it gave is still known.
    const restarted = reload(first, remember, token, false);
    expect(restarted.getState()).toMatchObject({ session: null, lastRole: 'viewer' });
    // Another device has not been told anything.
    expect(open(token, memory(), new Y.Doc(), false).getState().lastRole).toBeNull();
  });
});
