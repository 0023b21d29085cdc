// A stock y-websocket client — the unmodified WebsocketProvider, with no idea of Duet's messages 100/101 —
// works with the server silently: it edits, receives others' edits, and logs nothing. Duet's extension
// messages reach only the clients that ask for them with `?duet=1`.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openClient, syncFrame, waitForFrame, waitUntil, type RawSocket } from './helpers/clients';
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
});
