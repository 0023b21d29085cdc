// A stock y-websocket client — the unmodified WebsocketProvider, with no idea of Duet's messages 100/101 —
// works with the server silently: it edits, receives others' edits, and logs nothing. Duet's extension
// messages reach only the clients that ask for them with `?duet=1`.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_REPLY_PIECE_BYTES } from '../../../server/protocol/encodeMessages';
import {
  frameKind,
  openClient,
  readStoredDoc,
  syncFrame,
  waitForFrame,
  waitUntil,
  type RawSocket,
} from './helpers/clients';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const DOC = 'acme/playbook/stock';
let server: ServerProcess;
let writerToken: string;

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  writerToken = invite(data, 'acme', 'Stock Writer', 'storyteller');
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** y-websocket's provider exactly as its README shows it: only the token parameter our server requires. */
function stockProvider(doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.url, DOC, doc, {
    params: { token: writerToken },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function rawSocket(query: string): Promise<RawSocket> {
  // connectRaw adds duet=1 as Duet's own client does; built by hand here to choose the query.
  const ws = new WebSocket(`${server.url}/${DOC}?token=${encodeURIComponent(writerToken)}${query}`);
  const frames: Uint8Array[] = [];
  let closed = false;
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const closedPromise = new Promise<{ code: number; reason: string }>((done) =>
    ws.once('close', (code, reason) => ((closed = true), done({ code, reason: reason.toString() }))),
  );
  await new Promise((done, fail) => (ws.once('open', done), ws.once('error', fail)));
  return { ws, frames, closed: closedPromise, isClosed: () => closed, send: (b) => ws.send(b) };
}

describe('stock y-websocket clients', () => {
  it('edit and receive edits with a Duet client, and log nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const logs = vi.spyOn(console, 'log');
    const stockDoc = new Y.Doc();
    const stock = stockProvider(stockDoc);
    const duet = openClient(server.url, DOC, writerToken);
    try {
      await waitUntil(
        () => stock.synced && duet.provider.synced,
        10_000,
        () => 'both clients synced',
      );
      for (let i = 0; i < 50; i++) stockDoc.getText('root').insert(0, `s${i} `);
      duet.doc.getText('root').insert(0, 'from duet ');
      await waitUntil(
        () => stockDoc.getText('root').toString().includes('from duet') && duet.doc.getText('root').length > 100,
        10_000,
        () => `stock: ${stockDoc.getText('root').length}, duet: ${duet.doc.getText('root').length}`,
      );
      // Duet's client still learns what the server stored, and who it is.
      await waitUntil(
        () => duet.saved() && duet.session !== null,
        5_000,
        () => 'duet client confirmed',
      );
      expect(duet.session).toMatchObject({ role: 'storyteller', doc: DOC });
      const said = [...errors.mock.calls, ...warnings.mock.calls, ...logs.mock.calls].map((c) => c.join(' '));
      expect(said.filter((line) => /unable to compute message/i.test(line))).toEqual([]);
      expect(said).toEqual([]);
    } finally {
      stock.destroy();
      duet.destroy();
      errors.mockRestore();
      warnings.mockRestore();
      logs.mockRestore();
    }
  });

  it('receive no frame of a type y-websocket does not know; clients asking with duet=1 get both', async () => {
    const plain = await rawSocket('');
    const asking = await rawSocket('&duet=1');
    try {
      const update = new Y.Doc();
      update.getText('root').insert(0, 'raw ');
      for (const socket of [plain, asking]) socket.send(syncFrame(2, Y.encodeStateAsUpdate(update)));
      // The query-awareness answer comes after both updates were handled, in order.
      for (const socket of [plain, asking]) socket.send(new Uint8Array([3]));
      await waitForFrame(asking, (b) => b[0] === 100);
      await waitForFrame(plain, (b) => b[0] === 1);
      expect(asking.frames.some((b) => b[0] === 101)).toBe(true);
      expect(plain.frames.filter((b) => b[0] !== 0 && b[0] !== 1).map((b) => b[0])).toEqual([]);
    } finally {
      plain.ws.close();
      asking.ws.close();
    }
  });

  it('take in a document larger than one reply piece whole, in frames of at most a piece, synced only at the end', async () => {
    const docName = 'acme/playbook/large';
    // 4,000 records of ~500 bytes, one struct each (a large document is many structs: the reply splits
    // between them), written as a Duet client would, in frames under the server's 1 MB limit.
    const source = new Y.Doc();
    const writer = new WebSocket(`${server.url}/${docName}?token=${encodeURIComponent(writerToken)}`);
    await new Promise((done, fail) => (writer.once('open', done), writer.once('error', fail)));
    for (let batch = 0; batch < 8; batch++) {
      const before = Y.encodeStateVector(source);
      source.transact(() => {
        for (let i = 0; i < 500; i++) source.getMap('deals').set(`d${batch}-${i}`, `${batch}:${i}:`.padEnd(500, 'x'));
      });
      writer.send(syncFrame(2, Y.encodeStateAsUpdate(source, before)));
    }
    const whole = Y.encodeStateAsUpdate(source);
    expect(whole.length).toBeGreaterThan(3 * SYNC_REPLY_PIECE_BYTES);
    // Every write stored before the joiner asks (another connection's frames may still be on their way).
    for (let tries = 0; ; tries++) {
      const stored = await readStoredDoc(server.url, docName, writerToken);
      if (stored.getMap('deals').size === 4000) break;
      if (tries > 50) throw new Error(`only ${stored.getMap('deals').size} of 4000 records stored`);
      await new Promise((done) => setTimeout(done, 100));
    }

    const raw = new WebSocket(`${server.url}/${docName}?token=${encodeURIComponent(writerToken)}`);
    const frames: Uint8Array[] = [];
    raw.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    await new Promise((done, fail) => (raw.once('open', done), raw.once('error', fail)));
    raw.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    const isStep2 = (b: Uint8Array) => frameKind(b).type === 0 && frameKind(b).step === 1;
    await waitUntil(
      () => frames.some(isStep2),
      10_000,
      () => `${frames.length} frames, no sync step 2`,
    );
    writer.close();
    raw.close();
    const reply = frames.filter((b) => frameKind(b).type === 0 && frameKind(b).step !== 0);
    expect(reply.length).toBeGreaterThan(3);
    expect(reply.slice(0, -1).every((b) => frameKind(b).step === 2)).toBe(true);
    expect(isStep2(reply.at(-1)!)).toBe(true);
    for (const b of reply) expect(b.length).toBeLessThan(SYNC_REPLY_PIECE_BYTES + 64 * 1024);
    const joined = new Y.Doc();
    for (const b of reply) Y.applyUpdate(joined, frameKind(b).payload!);
    expect(joined.getMap('deals').size).toBe(4000);
    expect(joined.getMap('deals').toJSON()).toEqual(source.getMap('deals').toJSON());

    // A stock y-websocket client counts itself synced on the last piece, with everything in.
    const stockDoc = new Y.Doc();
    let sizeWhenSynced = -1;
    const stock = new WebsocketProvider(server.url, docName, stockDoc, {
      params: { token: writerToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    stock.on('sync', (synced: boolean) => {
      if (synced && sizeWhenSynced < 0) sizeWhenSynced = stockDoc.getMap('deals').size;
    });
    try {
      await waitUntil(
        () => sizeWhenSynced >= 0,
        10_000,
        () => 'stock client synced',
      );
      expect(sizeWhenSynced).toBe(4000);
    } finally {
      stock.destroy();
    }
  });
});
