/**
 * The sync server: one HTTP server for `/healthz`, `/metrics`, the optional web build and WebSocket upgrades.
 * Each upgrade is authorized from the request alone; only then is the socket accepted and its doc loaded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { realpathSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { authorizeUpgrade, type Session } from '../auth/authorizeUpgrade';
import { CrmRunner, type CrmRunnerOptions } from '../crm/CrmRunner';
import { CLOSE_GOING_AWAY } from '../protocol/messageTypes';
import { singleNodeBroadcaster, type Broadcaster } from '../storage/Broadcaster';
import type { DocStorage } from '../storage/DocStorage';
import { openServerStores } from '../storage/openServerStores';
import type { ServerStores, StoreKind } from '../storage/ServerStores';
import { ConnectedMembers } from '../sync/ConnectedMembers';
import { guardDocumentUpdate, type UpdateGuard } from '../sync/UpdateGuard';
import { Connection, type ConnectionLimits } from '../sync/Connection';
import { DocRegistry } from '../sync/DocRegistry';
import { sendRoster } from '../sync/sendRoster';
import { StoreWatch } from '../sync/StoreWatch';
import { Heartbeat, type HeartbeatOptions } from './Heartbeat';
import { Metrics } from './Metrics';
import { serveStatic } from './serveStatic';

/** Defaults chosen for people typing: bursts of pastes pass, floods do not. */
export const DEFAULT_LIMITS: ConnectionLimits = {
  maxFrameBytes: 1024 * 1024,
  maxInitialFrameBytes: 32 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  maxQueuedWhileLoading: 64,
};

/** How to run a server. */
export interface SyncServerOptions {
  /** Where the embedded stores live; unused when `stores` is given (e.g. a cluster's PostgreSQL). */
  dataDir: string;
  host: string;
  /** 0 picks a free port; `SyncServer.port` tells which. */
  port: number;
  webRoot?: string;
  allowedOrigins?: string[];
  maxConnections?: number;
  fsync?: boolean;
  limits?: Partial<ConnectionLimits>;
  compactEvery?: number;
  /**
   * How long a document stays loaded after its last connection left (default 30 s; 0 unloads at once). A
   * returning client is then answered from memory instead of waiting for a decode that holds every room; a
   * cluster node's kept copy stops hearing the other nodes meanwhile and catches up when someone returns.
   */
  keepLoadedMs?: number;
  /** How often each connection is pinged, in how many slices (default every 30 s, in 30 slices). */
  heartbeat?: Partial<HeartbeatOptions>;
  /** Replaces the embedded SQLite document store (members and the secret stay in `dataDir`). */
  storage?: DocStorage;
  /**
   * Already opened stores (documents and members), e.g. chosen by the desktop host; the server closes them
   * on `close()`. Default: `openServerStores(dataDir)` with `storeKind`.
   */
  stores?: ServerStores;
  /** Which stores to open when `stores` is not given; default 'auto' (see openServerStores). */
  storeKind?: StoreKind | 'auto';
  /** Fan-out to the other nodes of a cluster (RedisBroadcaster); the server closes it on `close()`. */
  broadcaster?: Broadcaster;
  /** Content rules for writers' updates; default Duet's (authorship in notes documents). */
  guardUpdate?: UpdateGuard;
  /** The CRM runner's tuning (docs/CRM.md), or false to run no CRM sync in this process. */
  crm?: CrmRunnerOptions | false;
}

/** A running server. */
export interface SyncServer {
  url: string;
  port: number;
  /** The kind of stores in use. */
  storeKind: StoreKind;
  metrics: Metrics;
  /** Devices connected now, per member id (see ConnectedMembers.devices). */
  connectedDevices(): Map<string, number>;
  /**
   * Applies the members store to open connections now instead of at the next 2-second check (for a
   * change made in this process, e.g. from the desktop host's dialog).
   */
  checkMembers(): Promise<void>;
  /** Stops accepting, closes every connection, drains every queue, and closes the store. */
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    503: 'Service Unavailable',
  };
  const title = text[status as keyof typeof text] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
  );
}

/** How long a document nobody holds stays loaded, by default (SyncServerOptions.keepLoadedMs). */
export const KEEP_LOADED_MS = 30_000;

/** Starts a server and resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const stores =
    options.stores ??
    (await openServerStores(options.dataDir, {
      fsync: options.fsync ?? false,
      kind: options.storeKind ?? 'auto',
      serving: true,
    }));
  const broadcaster = options.broadcaster ?? singleNodeBroadcaster;
  let secret: Buffer;
  try {
    secret = await stores.loadSecret();
  } catch (error) {
    await stores.close();
    await broadcaster.close();
    throw error;
  }
  const members = stores.members;
  const storage = options.storage ?? stores.storage;
  const metrics = new Metrics();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const registry = new DocRegistry(
    {
      storage,
      broadcaster,
      metrics,
      compactEvery: options.compactEvery ?? 500,
    },
    { keepLoadedMs: options.keepLoadedMs ?? KEEP_LOADED_MS },
  );
  const webRoot = options.webRoot === undefined ? undefined : realpathSync(options.webRoot);
  const gate = { secret, members, allowedOrigins: options.allowedOrigins ?? [] };
  const maxConnections = options.maxConnections ?? 10_000;
  const connections = new ConnectedMembers(members);
  const heartbeat = new Heartbeat(options.heartbeat);
  let closing = false;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxInitialFrameBytes,
    perMessageDeflate: false,
  });

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      void stores.reachable().then((store) => {
        const fanout = broadcaster.reachable();
        // Without its store a node cannot acknowledge anything: a balancer should send clients elsewhere.
        // Without the fan-out it still serves and stores its own clients, so it stays healthy (and says so).
        const ok = !closing && store;
        res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            ok,
            store: store ? 'reachable' : 'unreachable',
            fanout: broadcaster === singleNodeBroadcaster ? 'single-node' : fanout ? 'reachable' : 'unreachable',
            node: broadcaster.nodeId,
            connections: metrics.connections,
            docs: metrics.loadedDocs,
          }),
        );
      });
      return;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      return void res.end(metrics.render());
    }
    if (webRoot === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return void res.end('not found');
    }
    serveStatic(webRoot, req, res).catch((error: unknown) => {
      console.error('[http] static file failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Only until the upgrade completes; afterwards ws owns the socket and its errors.
    const handleSocketError = (error: Error) => console.warn('[sync] upgrade socket error', error.message);
    socket.on('error', handleSocketError);
    const refuse = (status: number, reason: string) => (metrics.refuse(reason), refuseUpgrade(socket, status, reason));
    if (closing) return refuse(503, 'shutting-down');
    if (connections.size >= maxConnections) return refuse(503, 'too-many-connections');
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    void authorizeUpgrade(gate, req.url ?? '/', origin, Math.floor(Date.now() / 1000)).then((verdict) => {
      if (socket.destroyed) return; // the client gave up while its member was being looked up
      if (closing) return refuse(503, 'shutting-down');
      if (!verdict.ok) return refuse(verdict.refusal.status, verdict.refusal.reason);
      wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('error', handleSocketError);
        accept(ws, socket, verdict.session);
      });
    });
  };

  const accept = (ws: WebSocket, socket: Duplex, session: Session): void => {
    heartbeat.add(ws);
    const guardUpdate = options.guardUpdate ?? guardDocumentUpdate;
    const connection = new Connection(ws, socket, session, { registry, metrics, limits, guardUpdate });
    connections.add(connection);
    void sendRoster(connection, members);
    storeWatch.add(connection);
    ws.on('close', () => (connections.remove(connection), storeWatch.remove(connection)));
  };

  // Revocations and role changes take effect on open connections too, within a few seconds (they may be
  // made by another process: the `revoke`/`role` commands).
  // In a cluster every node reads the shared members table, so a revocation on any node reaches all within ~2 s.
  let checking: Promise<void> | null = null;
  const checkMembers = (): Promise<void> => (checking ??= connections.check().finally(() => (checking = null)));
  const revocationCheck = setInterval(() => void checkMembers(), 2_000);
  // Readers hear nothing while the store is down (nothing is stored, so nothing relayed): tell them.
  const storeWatch = new StoreWatch(() => stores.reachable());

  // SQLite's automatic checkpoint fsyncs inside a commit and stalled every connection for ~100 ms (relay
  // p99 100 ms → 6 ms without it); so checkpoints run on a slow timer instead, only after writes, and
  // (SQLite's) in a worker thread (WalCheckpointer).
  let storedAtCheckpoint = 0;
  let checkpointing: Promise<void> | null = null;
  const checkpoint = setInterval(() => {
    if (checkpointing !== null || metrics.updatesStored === storedAtCheckpoint) return;
    const stored = metrics.updatesStored;
    checkpointing = stores
      .checkpoint()
      .then(
        () => void (storedAtCheckpoint = stored),
        (error: unknown) => console.error('[storage] checkpoint failed; trying again in 30 s:', error),
      )
      .finally(() => (checkpointing = null));
  }, 30_000);

  const server = createServer(handleRequest);
  server.on('upgrade', handleUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    // Port in use, or not allowed: nothing was accepted, so release the timers and the stores and report.
    heartbeat.stop();
    clearInterval(revocationCheck);
    storeWatch.stop();
    clearInterval(checkpoint);
    if (options.storage !== undefined) await options.storage.close();
    await stores.close();
    await broadcaster.close();
    throw error;
  }
  const crmRunner =
    options.crm === false ? null : new CrmRunner({ store: stores.crm, members, secret, registry }, options.crm ?? {});
  crmRunner?.start();
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `ws://${host}:${port}`,
    port,
    storeKind: stores.kind,
    metrics,
    connectedDevices: () => connections.devices(),
    checkMembers,
    async close() {
      closing = true;
      heartbeat.stop();
      clearInterval(revocationCheck);
      storeWatch.stop();
      clearInterval(checkpoint);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of connections) connection.close(CLOSE_GOING_AWAY, 'server shutting down');
      server.closeIdleConnections();
      // Unloads start from the sockets' close events, so wait for those before draining.
      for (let waited = 0; wss.clients.size > 0 && waited < 3_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const ws of wss.clients) ws.terminate();
      await crmRunner?.close();
      await new Promise((resolve) => setImmediate(resolve));
      await registry.drainAll();
      await connections.flush();
      await broadcaster.close();
      if (options.storage !== undefined) await options.storage.close();
      await stores.close();
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}
