/**
 * The frames Duet builds for its data messages, written to an upgraded socket as the server does and read
 * by a real `ws` client: every length form of RFC 6455 §5.2, at each of its edges, between ws's own frames.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, binaryFrameHeader, SINGLE_CHUNK_BYTES } from '../../../../server/protocol/binaryFrame';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Upgrades one client, lets `write` write to the server's side, and resolves with what the client read. */
async function received(count: number, write: (socket: Duplex, ws: WebSocket) => void) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server = createServer();
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => write(socket, ws)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, {
    perMessageDeflate: false,
  });
  const messages: { data: Buffer; isBinary: boolean }[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data: Buffer, isBinary) => {
      messages.push({ data, isBinary });
      if (messages.length === count) resolve();
    });
    client.on('error', reject);
  });
  client.terminate();
  return messages;
}

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 1_000, 0xffff, SINGLE_CHUNK_BYTES])('frames a %i-byte payload as one chunk', async (n) => {
    const bytes = payload(n);
    const [message] = await received(1, (socket) => socket.write(binaryFrame(bytes)!));
    expect(message!.isBinary).toBe(true);
    expect(new Uint8Array(message!.data)).toEqual(bytes);
  });

  it('leaves a payload larger than one chunk to be written behind its own header, not copied', () => {
    expect(binaryFrame(payload(SINGLE_CHUNK_BYTES + 1))).toBeNull();
  });

  it.each([0, 125, 126, 0xffff, 0x10000, 3_000_000])('heads a %i-byte payload written after it', async (n) => {
    const bytes = payload(n);
    const [message] = await received(1, (socket) => (socket.write(binaryFrameHeader(n)), socket.write(bytes)));
    expect(new Uint8Array(message!.data)).toEqual(bytes);
  });

  it('keeps its frames in order with the frames ws writes on the same socket', async () => {
    const messages = await received(4, (socket, ws) => {
      socket.write(binaryFrame(payload(3))!);
      ws.send('from ws');
      socket.write(binaryFrameHeader(70_000));
      socket.write(payload(70_000));
      ws.send(payload(5));
    });
    expect(messages.map((m) => [m.isBinary, m.data.length])).toEqual([
      [true, 3],
      [false, 7],
      [true, 70_000],
      [true, 5],
    ]);
  });

  it('refuses a length that is no length', () => {
    expect(() => binaryFrameHeader(-1)).toThrow(RangeError);
    expect(() => binaryFrameHeader(1.5)).toThrow(RangeError);
  });
});
