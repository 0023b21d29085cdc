/**
 * Clients of the real server: y-websocket's `WebsocketProvider` (what the app uses) over the `ws` package,
 * and raw sockets for forged frames and for reading the stored state exactly.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The session message (101) the server sends first. */
export interface SessionInfo {
  v: number;
  role: string;
  canWrite: boolean;
  memberId: string;
  name: string;
  doc: string;
}

/** A provider-backed client with Duet's extension messages decoded. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  session: SessionInfo | null;
  /** The last "stored" state vector the server sent (message 100). */
  stored: Map<number, number>;
  /**
   * True once the server confirmed storing every change made under this doc's own client id. Content written
   * under another id (the headless playbook editor does that) is not covered: read it back instead.
   */
  saved(): boolean;
  destroy(): void;
}

/** Polls until `condition` holds; throws `message` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Connects a provider to `{url}/{docName}?token=` (plus `params`, e.g. a `device` id). */
export function openClient(
  url: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): Client {
  const provider = new WebsocketProvider(url, docName, doc, {
    params: { ...params, token, duet: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 150,
  });
  const client: Client = {
    doc,
    provider,
    session: null,
    stored: new Map(),
    saved: () =>
      (client.stored.get(doc.clientID) ?? 0) >= (Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0),
    destroy: () => provider.destroy(),
  };
  // How the app would register the extension: handlers by message type, per provider.
  provider.messageHandlers[100] = (_encoder, decoder) => {
    client.stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  };
  provider.messageHandlers[101] = (_encoder, decoder) => {
    client.session = JSON.parse(decoding.readVarString(decoder)) as SessionInfo;
  };
  return client;
}

/** A raw socket that records every frame it receives. */
export interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  send(bytes: Uint8Array | string): void;
}

/** Opens a raw socket; resolves with it, or with the HTTP status that refused the upgrade. */
export function connectRaw(
  url: string,
  path: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<RawSocket | { status: number }> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}&duet=1`;
  const ws = new WebSocket(`${url}/${path}${query}`, { headers });
  const frames: Uint8Array[] = [];
  let closedFlag = false;
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    ws.once('close', (code, reason) => ((closedFlag = true), done({ code, reason: reason.toString() }))),
  );
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed, isClosed: () => closedFlag, send: (b) => ws.send(b) }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error) => {
      if (!closedFlag) reject(error);
    });
  });
}

/** Frame builders. */
export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** [sync, step, payload]. step: 0 = step 1, 1 = step 2, 2 = update. */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return frame(
    (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)),
  );
}

/** Message type of a received frame, and for sync frames the step. */
export function frameKind(bytes: Uint8Array): { type: number; step?: number; payload?: Uint8Array } {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type !== 0) return { type };
  const step = decoding.readVarUint(decoder);
  return { type, step, payload: decoding.readVarUint8Array(decoder) };
}

/** Waits until a frame matching `predicate` arrived (checking the ones already received too). */
export async function waitForFrame(
  socket: RawSocket,
  predicate: (bytes: Uint8Array) => boolean,
  timeoutMs = 5_000,
): Promise<Uint8Array> {
  let found: Uint8Array | undefined;
  await waitUntil(
    () => (found = socket.frames.find(predicate)) !== undefined,
    timeoutMs,
    () => 'expected frame',
  );
  return found as Uint8Array;
}

async function readOnce(url: string, docName: string, token: string): Promise<Uint8Array> {
  const socket = await connectRaw(url, docName, token);
  if ('status' in socket) throw new Error(`reader refused with ${socket.status}`);
  socket.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
  let reply: Uint8Array | undefined;
  await waitUntil(
    () => (reply = socket.frames.find((b) => frameKind(b).step === 1)) !== undefined || socket.isClosed(),
    5_000,
    () => 'no sync reply',
  );
  socket.ws.close();
  if (reply === undefined) throw new Error('reader closed before the sync reply');
  // A large reply comes in pieces: sync updates, then the step 2 (server/protocol/encodeMessages.ts).
  const upToReply = socket.frames.slice(0, socket.frames.indexOf(reply) + 1);
  const pieces = upToReply.map(frameKind).filter((k) => k.type === 0 && k.step !== 0);
  return pieces.length === 1 ? pieces[0]!.payload! : Y.mergeUpdates(pieces.map((k) => k.payload!));
}

/**
 * Reads the stored state of a document exactly as the server sends it to a fresh client. Retries while the
 * server is down or says it is shutting down (503: tests restart it under the clients' feet, and a reader
 * can arrive during a clean shutdown), but not when it refuses the reader (401, 403).
 */
export async function readStoredState(url: string, docName: string, token: string): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await readOnce(url, docName, token);
    } catch (error) {
      const message = (error as Error).message;
      if (attempt >= 100 || (message.startsWith('reader refused') && !message.endsWith(' 503'))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Reads the stored document into a fresh Y.Doc. */
export async function readStoredDoc(url: string, docName: string, token: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await readStoredState(url, docName, token));
  return doc;
}
