/**
 * The network side of one document: y-websocket's WebsocketProvider to the sync server, plus Duet's
 * protocol extension (see shared/collab/syncProtocol.ts) to know the connection's role and which local
 * changes the server has confirmed as stored. Attaching a link never changes the editor: the provider
 * works on the same Y.Doc the editor and local persistence already use.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import {
  MESSAGE_SESSION,
  MESSAGE_STORED,
  readSessionBody,
  readStateVector,
  type SessionInfo,
} from '@shared/collab/syncProtocol';

/** Connection state shown to the user. */
export type LinkStatus = 'offline' | 'connecting' | 'live';

/** Everything the UI shows about one document's link. */
export interface LinkState {
  status: LinkStatus;
  /** Null until the server said who we are. */
  session: SessionInfo | null;
  /** Local operations the server has not yet confirmed as stored. */
  unconfirmed: number;
  /** Set when the server closed the connection for good (e.g. revoked invite). */
  closedReason: string | null;
}

/** Options of a link. */
export interface SyncLinkOptions {
  /** ws:// or wss:// base URL of the sync server. */
  serverUrl: string;
  token: string;
  /** Where the last known server state vector is remembered, so offline changes count across restarts. */
  memory?: { get(key: string): string | null; set(key: string, value: string): void };
  /** For Node tests: a WebSocket implementation. */
  WebSocketImpl?: typeof WebSocket;
  /**
   * False to open the connection later with `connect()`: a document bound to an editor must receive its
   * stored content only after the binding exists (the binding learns content from Yjs events).
   */
  connect?: boolean;
}

type Handler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/** Sum over clients of how far the local state is ahead of the stored state. */
export function countUnconfirmed(local: Map<number, number>, stored: Map<number, number>): number {
  let total = 0;
  for (const [client, clock] of local) total += Math.max(0, clock - (stored.get(client) ?? 0));
  return total;
}

/** One document's connection to the sync server. */
export class SyncLink {
  readonly provider: WebsocketProvider;
  private stored = new Map<number, number>();
  private state: LinkState = { status: 'connecting', session: null, unconfirmed: 0, closedReason: null };
  private readonly listeners = new Set<(state: LinkState) => void>();
  private readonly memoryKey: string;

  constructor(
    readonly doc: Y.Doc,
    readonly docName: string,
    private readonly options: SyncLinkOptions,
  ) {
    this.memoryKey = `duet.sync.stored.${options.serverUrl}.${docName}`;
    const remembered = options.memory?.get(this.memoryKey);
    if (remembered) this.stored = new Map(JSON.parse(remembered) as [number, number][]);
    this.provider = new WebsocketProvider(options.serverUrl, docName, doc, {
      params: { token: options.token },
      connect: options.connect ?? true,
      WebSocketPolyfill: options.WebSocketImpl,
      // Tabs of the browser client sync through the server; a BroadcastChannel shortcut would let a
      // read-only tab's edits reach a writable one without the server's role check.
      disableBc: true,
    });
    this.provider.messageHandlers[MESSAGE_STORED] = this.handleStored as Handler;
    this.provider.messageHandlers[MESSAGE_SESSION] = this.handleSession as Handler;
    this.provider.on('status', this.handleStatus);
    this.provider.on('sync', this.handleSync);
    this.provider.on('closed', this.handleClosed);
    doc.on('afterTransaction', this.handleTransaction);
    this.recount();
  }

  private readonly handleStored = (_e: encoding.Encoder, decoder: decoding.Decoder): void => {
    const vector = readStateVector(decoding.readVarUint8Array(decoder));
    if (vector === null) return;
    this.markStored(vector);
    this.options.memory?.set(this.memoryKey, JSON.stringify([...this.stored]));
    this.recount();
  };

  private readonly handleSession = (_e: encoding.Encoder, decoder: decoding.Decoder): void => {
    this.update({ session: readSessionBody(decoder) });
  };

  private readonly handleStatus = ({ status }: { status: string }): void => {
    if (status === 'disconnected') this.update({ status: 'offline' });
    else if (status === 'connecting' || (status === 'connected' && !this.provider.synced))
      this.update({ status: 'connecting' });
  };

  private readonly handleSync = (synced: boolean): void => {
    this.update({ status: synced ? 'live' : 'connecting' });
  };

  private readonly handleClosed = (event: { code: number; reason: string }): void => {
    this.update({
      status: 'offline',
      closedReason: event.reason || `The server closed the connection (${event.code}).`,
    });
  };

  /**
   * After every change of the document. What arrived from the server was stored there before it was relayed
   * (the server's durability rule), so the clocks it advanced count as stored: read from the transaction
   * rather than by parsing the update again, which for a 20,000-deal first sync is a second full decode.
   */
  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === this.provider) {
      const arrived = new Map<number, number>();
      for (const [client, clock] of transaction.afterState)
        if (clock > (transaction.beforeState.get(client) ?? 0)) arrived.set(client, clock);
      this.markStored(arrived);
    }
    this.recount();
  };

  private markStored(vector: Map<number, number>): void {
    // Stored clocks only grow; keep the maximum in case messages cross a reconnect.
    for (const [client, clock] of vector) this.stored.set(client, Math.max(clock, this.stored.get(client) ?? 0));
  }

  private readonly recount = (): void => {
    const local = readStateVector(Y.encodeStateVector(this.doc)) ?? new Map<number, number>();
    const unconfirmed = countUnconfirmed(local, this.stored);
    if (unconfirmed !== this.state.unconfirmed) this.update({ unconfirmed });
  };

  private update(patch: Partial<LinkState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Opens the connection (when created with `connect: false`). */
  connect(): void {
    this.provider.connect();
  }

  /** Current state. */
  getState(): LinkState {
    return this.state;
  }

  /** Subscribes to state changes; returns the disposer. */
  subscribe(listener: (state: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the connection and stops listening. The document is left as it is. */
  destroy(): void {
    this.doc.off('afterTransaction', this.handleTransaction);
    this.provider.destroy();
    this.listeners.clear();
  }
}
