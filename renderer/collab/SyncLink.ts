/**
 * The network side of one document: y-websocket's WebsocketProvider to the sync server, plus Duet's
 * protocol extension (see shared/collab/syncProtocol.ts) to know the connection's role and which local
 * changes the server has confirmed as stored. Attaching a link never changes the editor: the provider
 * works on the same Y.Doc the editor and local persistence already use.
 *
 * Honest status: only this device's own operations count as "not on the server yet" (remote ones reach it
 * already stored); a read-only connection sends nothing at all; after a failed attempt the link says
 * offline and when it will try again, and `retryNow` tries at once.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import {
  DEVICE_QUERY,
  DEFLATE_QUERY,
  EXTENSION_QUERY,
  MESSAGE_MEMBERS,
  MESSAGE_SESSION,
  MESSAGE_STORE,
  MESSAGE_STORED,
  readMembersBody,
  readSessionBody,
  readStoreBody,
  readStateVector,
  type RosterMember,
  type SessionInfo,
} from '@shared/collab/syncProtocol';
import { ROLES, type Role } from '@shared/domain/settingsDefaults';
import { deviceId } from './deviceId';
import { LOCAL_LOAD_ORIGIN } from './LocalPersistence';
import { countUnconfirmed, retryDelayMs } from './pendingChanges';
import { sendOnlyOwnWrites } from './sendOnlyOwnWrites';
import { sliceLargeSyncReplies } from './sliceLargeSyncReplies';

/** Connection state shown to the user. */
export type LinkStatus = 'offline' | 'connecting' | 'live';

/** Everything the UI shows about one document's link. */
export interface LinkState {
  /** "connecting" only until the first attempt fails; from then on "offline" until the link is live. */
  status: LinkStatus;
  /** Null until the server said who we are. */
  session: SessionInfo | null;
  /** This device's operations the server has not yet confirmed as stored (0 for a read-only link). */
  unconfirmed: number;
  /** Set when the server closed the connection for good (e.g. revoked invite). */
  closedReason: string | null;
  /** While offline: when the next attempt starts (ms since the epoch); null while one is under way. */
  nextRetryAt: number | null;
  /** The workspace's members as the server listed them (the directory document's link only; kept offline). */
  roster?: readonly RosterMember[];
  /** True while the server says its document store is down: connected, but nothing is stored or relayed. */
  storeDown?: boolean;
  /**
   * True once this device has held everything the server had of the document: the link was live now or in
   * an earlier session (remembered). False on a device still receiving its first copy — a joining client's
   * 20,000 deals arrive in pieces over a second or more, and counting them meanwhile would show a partial
   * win rate as if it were the team's.
   */
  received: boolean;
  /**
   * True while the socket is open. After a failed attempt `status` stays "offline" until the link is live,
   * also while the document is being received on a new connection; this tells that case apart.
   */
  connected: boolean;
  /**
   * The role the server gave this device on this document, now or in an earlier session (remembered across
   * restarts); null if it never said. Offline after a restart `session` is null, and falling back on the
   * device's own role setting showed a viewer an editable playbook whose edits the server would refuse.
   */
  lastRole: Role | null;
}

/** Options of a link. */
export interface SyncLinkOptions {
  /** ws:// or wss:// base URL of the sync server. */
  serverUrl: string;
  token: string;
  /**
   * Where the last known server state vector and this device's client ids are remembered, so offline
   * changes count across restarts.
   */
  memory?: { get(key: string): string | null; set(key: string, value: string): void };
  /** For Node tests: a WebSocket implementation. */
  WebSocketImpl?: typeof WebSocket;
  /**
   * False to open the connection later with `connect()`: a document bound to an editor must receive its
   * stored content only after the binding exists (the binding learns content from Yjs events).
   */
  connect?: boolean;
  /** How long an attempt may take to open before it counts as failed (default 8 s). */
  connectTimeoutMs?: number;
}

/**
 * A server that does not answer at all (host down, packets dropped) would keep the first attempt — and the
 * "Connecting…" it shows — open for as long as the network stack waits; it counts as failed after this.
 */
const CONNECT_TIMEOUT_MS = 8_000;

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder) => void;

/** Where a device remembers the role the server last gave it on a document. */
function roleKey(serverUrl: string, docName: string): string {
  return `duet.sync.role.${serverUrl}.${docName}`;
}

/** A remembered role, if it still names one (the memory is the device's own, but may be from an older app). */
function rememberedRole(value: string | null | undefined): Role | null {
  return (ROLES as readonly (string | null | undefined)[]).includes(value) ? (value as Role) : null;
}

/** Where a device remembers that it has had the server's whole copy of a document. */
function receivedKey(serverUrl: string, docName: string): string {
  return `duet.sync.received.${serverUrl}.${docName}`;
}

/** One document's connection to the sync server. */
export class SyncLink {
  /**
   * Remembers `docName` as received: a document this device has just created under a new id (a new
   * playbook's notes) has nothing on the server yet, so it is whole here even before the first connection —
   * offline, its review must not say the team's log has not arrived.
   */
  static rememberNew(options: Pick<SyncLinkOptions, 'serverUrl' | 'memory'>, docName: string): void {
    options.memory?.set(receivedKey(options.serverUrl, docName), '1');
  }

  readonly provider: WebsocketProvider;
  private stored = new Map<number, number>();
  /** Yjs client ids this device wrote this document with (this session's and earlier ones'). */
  private readonly own = new Set<number>();
  private state: LinkState = {
    status: 'connecting',
    session: null,
    unconfirmed: 0,
    closedReason: null,
    nextRetryAt: null,
    received: false,
    connected: false,
    lastRole: null,
  };
  private readonly listeners = new Set<(state: LinkState) => void>();
  private readonly storedKey: string;
  private readonly ownKey: string;
  private readonly receivedKey: string;
  /** Failed attempts since the link was last live. */
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly stopFiltering: () => void;

  constructor(
    readonly doc: Y.Doc,
    readonly docName: string,
    private readonly options: SyncLinkOptions,
  ) {
    this.storedKey = `duet.sync.stored.${options.serverUrl}.${docName}`;
    this.ownKey = `duet.sync.own.${options.serverUrl}.${docName}`;
    this.receivedKey = receivedKey(options.serverUrl, docName);
    this.state.received = options.memory?.get(this.receivedKey) === '1';
    this.state.lastRole = rememberedRole(options.memory?.get(roleKey(options.serverUrl, docName)));
    const remembered = options.memory?.get(this.storedKey);
    if (remembered) this.stored = new Map(JSON.parse(remembered) as [number, number][]);
    const ownIds = options.memory?.get(this.ownKey);
    if (ownIds) for (const id of JSON.parse(ownIds) as number[]) this.own.add(id);
    this.provider = new WebsocketProvider(options.serverUrl, docName, doc, {
      params: {
        token: options.token,
        [EXTENSION_QUERY.name]: EXTENSION_QUERY.value,
        [DEFLATE_QUERY.name]: DEFLATE_QUERY.value, // it reads deflated replies: sliceLargeSyncReplies.ts
        [DEVICE_QUERY]: deviceId(options.memory),
      },
      connect: options.connect ?? true,
      WebSocketPolyfill: options.WebSocketImpl,
      // Tabs of the browser client sync through the server; a BroadcastChannel shortcut would let a
      // read-only tab's edits reach a writable one without the server's role check.
      disableBc: true,
    });
    this.provider.messageHandlers[MESSAGE_STORED] = this.handleStored;
    this.provider.messageHandlers[MESSAGE_SESSION] = this.handleSession;
    sliceLargeSyncReplies(this.provider);
    this.provider.messageHandlers[MESSAGE_MEMBERS] = this.handleMembers;
    this.provider.messageHandlers[MESSAGE_STORE] = this.handleStore;
    this.stopFiltering = sendOnlyOwnWrites(this.provider, () => this.readOnly);
    this.provider.on('status', this.handleStatus);
    this.provider.on('sync', this.handleSync);
    this.provider.on('closed', this.handleClosed);
    this.provider.on('connection-close', this.handleConnectionClose);
    doc.on('afterTransaction', this.handleTransaction);
    // With `connect: true` the first attempt started inside the provider's constructor, before we listened.
    if (!this.provider.wsconnected) this.armOpenTimeout();
    this.recount();
  }

  private get readOnly(): boolean {
    return this.state.session?.canWrite === false;
  }

  private readonly handleStored: Handler = (_e, decoder) => {
    const vector = readStateVector(decoding.readVarUint8Array(decoder));
    if (vector === null) return;
    this.markStored(vector);
    this.options.memory?.set(this.storedKey, JSON.stringify([...this.stored]));
    this.recount();
  };

  private readonly handleSession: Handler = (_e, decoder) => {
    // A new connection: the server tells it again if its store is still down.
    const session = readSessionBody(decoder);
    if (session !== null && session.role !== this.state.lastRole)
      this.options.memory?.set(roleKey(this.options.serverUrl, this.docName), session.role);
    this.update({ session, storeDown: false, lastRole: session?.role ?? this.state.lastRole });
    this.recount();
  };

  private readonly handleMembers: Handler = (_e, decoder) => {
    const roster = readMembersBody(decoder);
    if (roster !== null) this.update({ roster });
  };

  private readonly handleStore: Handler = (_e, decoder) => {
    const reachable = readStoreBody(decoder);
    if (reachable !== null) this.update({ storeDown: !reachable });
  };

  private readonly handleStatus = ({ status }: { status: string }): void => {
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    if (status === 'connecting') this.armOpenTimeout();
    if ((status === 'connected') !== this.state.connected) this.update({ connected: status === 'connected' });
    if (status === 'disconnected') this.update({ status: 'offline' });
    else if (status === 'connecting' || (status === 'connected' && !this.provider.synced))
      // Once an attempt failed, a new attempt does not make the link any less offline.
      this.update({ status: this.failures > 0 ? 'offline' : 'connecting', nextRetryAt: null });
  };

  private readonly handleSync = (synced: boolean): void => {
    if (synced) this.failures = 0;
    if (synced && !this.state.received) this.options.memory?.set(this.receivedKey, '1');
    if (synced) this.update({ status: 'live', nextRetryAt: null, received: true });
    else this.update({ status: this.failures > 0 ? 'offline' : 'connecting' });
  };

  private readonly handleClosed = (event: { code: number; reason: string }): void => {
    this.clearRetry();
    this.update({
      status: 'offline',
      nextRetryAt: null,
      closedReason: event.reason || `The server closed the connection (${event.code}).`,
    });
  };

  /**
   * A connection attempt failed or a live connection dropped (`event` is null when we closed it
   * ourselves). The schedule of the next attempt is ours, not y-websocket's, so the UI can say when it
   * comes and "Retry now" can start it early.
   */
  private readonly handleConnectionClose = (event: CloseEvent | null): void => {
    if (event === null) return;
    // After y-websocket has decided whether this close is final (it then stops and emits `closed`).
    queueMicrotask(() => {
      if (this.destroyed || !this.provider.shouldConnect) return;
      this.failures++;
      this.provider.disconnect(); // cancels y-websocket's own reconnect timer
      const delay = retryDelayMs(this.failures);
      this.clearRetry();
      this.retryTimer = setTimeout(() => this.retryNow(), delay);
      this.update({ status: 'offline', nextRetryAt: Date.now() + delay });
    });
  };

  /** Fails the attempt under way if it has not opened in time. */
  private armOpenTimeout(): void {
    const attempt = this.provider.ws;
    if (attempt === null) return;
    this.openTimer = setTimeout(() => {
      // Closing a socket that never opened reports a close event: the attempt fails like a refused one.
      if (this.provider.ws === attempt && !this.provider.wsconnected) attempt.close();
    }, this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
  }

  /**
   * After every change of the document: the clocks it advanced, read from the transaction (parsing the
   * update again would be a second full decode of a 20,000-deal first sync). What arrived from the server
   * was stored there before it was relayed (the server's durability rule); what this device wrote and did
   * not merely load from its own storage is its own, to be sent.
   */
  private readonly handleTransaction = (transaction: Y.Transaction): void => {
    const written = new Map<number, number>();
    for (const [client, clock] of transaction.afterState)
      if (clock > (transaction.beforeState.get(client) ?? 0)) written.set(client, clock);
    if (written.size > 0) {
      if (transaction.origin === this.provider) this.markStored(written);
      else if (transaction.origin !== LOCAL_LOAD_ORIGIN) this.markOwn(written);
    }
    this.recount();
  };

  /** This device wrote (or imported) these clients' operations; they are its to send. */
  private markOwn(written: Map<number, number>): void {
    const before = this.own.size;
    for (const client of written.keys()) this.own.add(client);
    if (this.own.size !== before) this.options.memory?.set(this.ownKey, JSON.stringify([...this.own]));
  }

  private markStored(vector: Map<number, number>): void {
    // Stored clocks only grow; keep the maximum in case messages cross a reconnect.
    for (const [client, clock] of vector) this.stored.set(client, Math.max(clock, this.stored.get(client) ?? 0));
  }

  private readonly recount = (): void => {
    let unconfirmed = 0;
    if (!this.readOnly) {
      const local = readStateVector(Y.encodeStateVector(this.doc)) ?? new Map<number, number>();
      unconfirmed = countUnconfirmed(local, this.stored, this.own);
    }
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

  /**
   * Tries to reach the server now instead of at the scheduled time. Nothing happens before a first attempt
   * failed (a playbook's link waits for its editor), while an attempt is under way or connected, or after
   * the server closed the connection for good (e.g. a revoked invite).
   */
  retryNow(): void {
    if (this.destroyed || this.failures === 0 || this.state.closedReason !== null || this.provider.ws !== null) return;
    this.clearRetry();
    this.update({ nextRetryAt: null });
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
    this.destroyed = true;
    this.clearRetry();
    this.doc.off('afterTransaction', this.handleTransaction);
    this.provider.destroy();
    this.stopFiltering();
    this.listeners.clear();
  }
}
