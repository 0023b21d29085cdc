/**
 * One authenticated WebSocket: enforces frame size and rate limits, parses frames strictly, drops a
 * read-only peer's writes, and hands everything else to its `SharedDoc`. Messages that arrive while the
 * doc is still loading wait here, in order, so the first sync reply always comes from the complete doc.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Session } from '../auth/authorizeUpgrade';
import type { Metrics } from '../http/Metrics';
import { binaryFrame, binaryFrameHeader } from '../protocol/binaryFrame';
import { encodeSession } from '../protocol/encodeMessages';
import { CLOSE_MALFORMED, CLOSE_SERVER_ERROR, CLOSE_TOO_LARGE } from '../protocol/messageTypes';
import { parseFrame } from '../protocol/parseFrame';
import type { PresenceIdentity } from './bindPresence';
import type { DocLease, DocRegistry } from './DocRegistry';
import type { Peer } from './Peer';
import type { SharedDoc } from './SharedDoc';
import { TokenBucket } from './TokenBucket';
import type { UpdateGuard } from './UpdateGuard';

/** Per-connection limits. */
export interface ConnectionLimits {
  /** Largest frame after the initial sync, in bytes. */
  maxFrameBytes: number;
  /** Largest frame until the client's first sync step 2 (its offline work) has arrived. */
  maxInitialFrameBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  /** Frames buffered while the doc loads. */
  maxQueuedWhileLoading: number;
}

/** A connection's collaborators. */
export interface ConnectionDeps {
  registry: DocRegistry;
  metrics: Metrics;
  limits: ConnectionLimits;
  /** Content rules checked before a writer's update is applied (e.g. authorship in notes). */
  guardUpdate: UpdateGuard;
}

/** Server side of one client connection. */
export class Connection implements Peer {
  private shared: SharedDoc | null = null;
  private readonly lease: DocLease;
  private closed = false;
  private initialSyncDone = false;
  private readonly waiting: Uint8Array[] = [];
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  readonly extensions: boolean;
  readonly deflate: boolean;
  readonly identity: PresenceIdentity;

  /**
   * `socket` is the one `ws` was upgraded on: data frames are written to it directly, framed by Duet
   * (binaryFrame.ts says why); `ws` reads, and writes the control frames.
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly session: Session,
    private readonly deps: ConnectionDeps,
  ) {
    const { limits } = deps;
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
    deps.metrics.connections++;
    ws.on('message', this.handleMessage);
    ws.on('close', this.handleClose);
    ws.on('error', (error) => console.error(`[sync] ${session.docName}: socket error`, error));
    this.extensions = session.extensions;
    this.deflate = session.deflate;
    this.identity = { memberId: session.memberId, name: session.memberName, role: session.role };
    if (this.extensions)
      this.send(
        encodeSession({
          v: 1,
          role: session.role,
          canWrite: session.canWrite,
          memberId: session.memberId,
          name: session.memberName,
          doc: session.docName,
        }),
      );
    this.lease = deps.registry.acquire(session.docName);
    this.lease.ready.then(this.handleLoaded, (error: unknown) => {
      // The registry logged the cause; the client retries later and keeps its local work meanwhile.
      this.close(CLOSE_SERVER_ERROR, 'document unavailable');
      void error;
    });
  }

  /** Sends `message` as one binary frame unless the socket is closing. */
  send(message: Uint8Array): void {
    const frame = binaryFrame(message);
    if (frame !== null) return this.sendFrame(frame);
    if (!this.isOpen()) return;
    // Not copied behind its header: a sync reply's piece is up to half a megabyte.
    this.socket.cork();
    this.socket.write(binaryFrameHeader(message.length));
    this.socket.write(message);
    this.socket.uncork();
  }

  /** Sends a message framed once for many peers (`broadcast`) unless the socket is closing. */
  sendFrame(frame: Buffer): void {
    if (this.isOpen()) this.socket.write(frame);
  }

  private isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  /** Closes the socket; the close handler releases the doc. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.closed = true;
    // A peer that stops reading would keep the socket half-open for the whole close handshake.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  private readonly handleLoaded = (shared: SharedDoc): void => {
    if (this.closed) return; // released by handleClose already
    // Its storage failed in the meantime: never serve from that copy; the client retries and gets a fresh one.
    if (shared.isFailed) return this.close(CLOSE_SERVER_ERROR, 'storage failure');
    this.shared = shared;
    shared.addPeer(this);
    for (const frame of this.waiting.splice(0)) if (!this.closed) this.process(shared, frame);
  };

  private readonly handleClose = (): void => {
    this.closed = true;
    this.deps.metrics.connections--;
    this.shared?.removePeer(this);
    this.lease.release();
  };

  private readonly handleMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
    if (this.closed) return;
    const frame = data instanceof ArrayBuffer ? new Uint8Array(data) : Array.isArray(data) ? Buffer.concat(data) : data;
    const { limits } = this.deps;
    if (!isBinary) return this.refuse('malformed', CLOSE_MALFORMED, 'text frame');
    const max = this.initialSyncDone ? limits.maxFrameBytes : limits.maxInitialFrameBytes;
    if (frame.length > max) return this.refuse('too-large', CLOSE_TOO_LARGE, 'frame too large');
    // The first sync step 2 (offline work) may be big; it does not spend the byte budget.
    if (!this.messages.take(1) || (this.initialSyncDone && !this.bytes.take(frame.length))) {
      return this.refuse('rate-limit', CLOSE_MALFORMED, 'rate limit');
    }
    if (this.shared === null) {
      if (this.waiting.length >= limits.maxQueuedWhileLoading)
        return this.refuse('rate-limit', CLOSE_MALFORMED, 'too many frames');
      this.waiting.push(frame);
      return;
    }
    this.process(this.shared, frame);
  };

  private process(shared: SharedDoc, data: Uint8Array): void {
    const parsed = parseFrame(data);
    if (!parsed.ok) return this.refuse(parsed.reason, CLOSE_MALFORMED, parsed.detail);
    const { frame } = parsed;
    switch (frame.kind) {
      case 'sync-step-1':
        shared.replyToSyncStep1(this, frame.stateVector);
        return;
      case 'sync-step-2':
      case 'update': {
        if (frame.kind === 'sync-step-2') this.initialSyncDone = true;
        // Dropped, not fatal: a reader's provider answers our step 1 with its (ignored) local state.
        if (!this.session.canWrite) return this.deps.metrics.reject('read-only');
        const guarded = this.deps.guardUpdate(shared.name, shared.doc, frame.update, this.identity);
        if (!guarded.ok) return this.refuse('not-yours', CLOSE_MALFORMED, guarded.error.message);
        const applied = shared.applyUpdate(this, frame.update);
        if (!applied.ok) this.refuse('invalid-update', CLOSE_MALFORMED, applied.error.message);
        return;
      }
      case 'awareness': {
        const applied = shared.applyAwareness(this, frame.entries);
        if (!applied.ok)
          this.deps.metrics.reject(
            applied.error.message.startsWith('awareness-') ? applied.error.message : 'invalid-awareness',
          );
        return;
      }
      case 'query-awareness':
        shared.sendAllAwareness(this);
        return;
    }
  }

  private refuse(reason: string, code: number, detail: string): void {
    this.deps.metrics.reject(reason);
    console.warn(`[sync] ${this.session.docName}: closing ${this.session.memberId} (${reason}: ${detail})`);
    this.close(code, reason);
  }
}
