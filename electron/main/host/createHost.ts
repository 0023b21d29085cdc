/**
 * "Host on this computer": runs the sync server (server/) inside the main process. Everything it needs
 * from the outside — the server itself, the store opener, the data folder, the network interfaces — is
 * passed in, so it is tested in plain Node with a real server and real sockets.
 *
 * The stores are opened here rather than by the server so the choice is injectable and visible: SQLite when
 * `node:sqlite` loads in this runtime, plain files otherwise, and the status says which.
 */
import type {
  HostInvite,
  HostInviteInput,
  HostMember,
  HostRoleChange,
  HostRunning,
  HostStartOptions,
  HostStatus,
} from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';
import { loadSecret } from '../../../server/auth/loadSecret';
import { signToken } from '../../../server/auth/tokens';
import type { SyncServer, SyncServerOptions } from '../../../server/http/startSyncServer';
import type { OpenStoresOptions } from '../../../server/storage/openServerStores';
import type { ServerStores } from '../../../server/storage/ServerStores';
import { listHostMembers, revokeHostMember, setHostMemberRole } from './hostMembers';
import { lanAddresses, type InterfaceTable } from './lanAddresses';

/** What the host needs. */
export interface HostDeps {
  startSyncServer: (options: SyncServerOptions) => Promise<SyncServer>;
  /** `openServerStores` (tests replace its SQLite importer to check the fallback). */
  openStores: (dataDir: string, options: OpenStoresOptions) => Promise<ServerStores>;
  /** The host's data folder (documents, members, secret). */
  dataDir: string;
  /** `os.networkInterfaces`. */
  listInterfaces: () => InterfaceTable;
  /** A web build to serve at `/`, so teammates without the app can join from a browser. */
  webRoot?: string;
  /** Unix seconds (tests). */
  nowSeconds?: () => number;
}

/** The host: one embedded server at most. */
export interface Host {
  start(options: HostStartOptions): Promise<Result<HostRunning>>;
  /** Stops the server once every received update is stored; succeeds when nothing runs. */
  stop(): Promise<Result<null>>;
  status(): HostStatus;
  invite(input: HostInviteInput): Promise<Result<HostInvite>>;
  /** Members of a workspace, with their devices connected now. */
  members(workspaceId: string): Promise<Result<HostMember[]>>;
  /** Changes a member's role (open connections follow within a few seconds). */
  setRole(change: HostRoleChange): Promise<Result<HostMember>>;
  /** Revokes a member (open connections are closed within a few seconds). */
  revoke(memberId: string): Promise<Result<HostMember>>;
}

interface Running {
  server: SyncServer;
  stores: ServerStores;
  secret: Buffer;
  info: HostRunning;
}

function describeStartError(error: unknown, port: number): Result<never> {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return fail('io', `Port ${port} is already in use — choose another.`);
  if (code === 'EACCES')
    return fail('denied', `This computer does not allow Duet to use port ${port} — choose another.`);
  if (code === 'EADDRNOTAVAIL') return fail('io', 'This computer has no network address to share on.');
  const reason = error instanceof Error ? error.message : String(error);
  return fail('io', `Hosting could not start: ${reason}`);
}

/** Creates the host (nothing runs until `start`). */
export function createHost(deps: HostDeps): Host {
  const now = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  let running: Running | null = null;
  let starting: Promise<Result<HostRunning>> | null = null;
  let stopping: Promise<Result<null>> | null = null;

  const launch = async (options: HostStartOptions): Promise<Result<HostRunning>> => {
    let stores: ServerStores;
    let secret: Buffer;
    try {
      // This process serves the folder: the SQLite store writes through its journal (UpdateJournal.ts).
      stores = await deps.openStores(deps.dataDir, { serving: true });
    } catch (error) {
      return describeStartError(error, options.port);
    }
    try {
      secret = loadSecret(deps.dataDir);
    } catch (error) {
      await stores.close();
      return describeStartError(error, options.port);
    }
    let server: SyncServer;
    try {
      // The server owns the stores from here on: it closes them when it stops, or when it cannot listen.
      server = await deps.startSyncServer({
        dataDir: deps.dataDir,
        host: options.shareOnNetwork ? '0.0.0.0' : '127.0.0.1',
        port: options.port,
        stores,
        ...(deps.webRoot === undefined ? {} : { webRoot: deps.webRoot }),
      });
    } catch (error) {
      return describeStartError(error, options.port);
    }
    const lanUrls = options.shareOnNetwork
      ? lanAddresses(deps.listInterfaces()).map((address) => `ws://${address}:${server.port}`)
      : [];
    const info: HostRunning = {
      port: server.port,
      shareOnNetwork: options.shareOnNetwork,
      localUrl: `ws://127.0.0.1:${server.port}`,
      lanUrls,
      // openServerStores opens only the embedded kinds; PostgreSQL is for cluster nodes.
      storage: server.storeKind === 'files' ? 'files' : 'sqlite',
      dataDir: deps.dataDir,
    };
    running = { server, stores, secret, info };
    console.log(
      `[host] serving on ${info.localUrl}${lanUrls.length ? ` and ${lanUrls.join(', ')}` : ''} (${info.storage})`,
    );
    return ok(info);
  };

  const serving = (): Result<Running> =>
    running === null || stopping !== null ? fail('denied', 'Start hosting first.') : ok(running);

  const host: Host = {
    async start(options) {
      if (stopping !== null) await stopping;
      if (starting !== null) return fail('denied', 'Hosting is already starting.');
      if (running !== null) {
        const same = running.info.port === options.port && running.info.shareOnNetwork === options.shareOnNetwork;
        return same
          ? ok(running.info)
          : fail('denied', `Already hosting on port ${running.info.port} — stop it first.`);
      }
      starting = launch(options);
      try {
        return await starting;
      } finally {
        starting = null;
      }
    },

    async stop() {
      if (starting !== null) await starting;
      if (stopping !== null) return stopping;
      const current = running;
      if (current === null) return ok(null);
      stopping = (async () => {
        try {
          await current.server.close();
          console.log('[host] stopped; everything received is stored');
          return ok(null);
        } catch (error) {
          console.error('[host] stopping failed', error);
          return fail<null>('io', `Hosting did not stop cleanly: ${error instanceof Error ? error.message : error}`);
        } finally {
          running = null;
        }
      })();
      try {
        return await stopping;
      } finally {
        stopping = null;
      }
    },

    status() {
      if (stopping !== null) return { state: 'stopping' };
      if (starting !== null) return { state: 'starting' };
      return running === null ? { state: 'stopped' } : { state: 'running', ...running.info };
    },

    async invite(input) {
      if (running === null || stopping !== null) return fail('denied', 'Start hosting first.');
      const member = await running.stores.members.add(input.workspaceId, input.name.trim(), input.role, now());
      const token = signToken(running.secret, {
        v: 1,
        ws: member.workspace,
        mid: member.id,
        role: member.role,
        iat: member.createdAt,
      });
      return ok({ token, memberId: member.id });
    },

    async members(workspaceId) {
      const current = serving();
      if (!current.ok) return current;
      const { server, stores } = current.value;
      return ok(await listHostMembers(stores.members, server.connectedDevices(), workspaceId));
    },

    async setRole(change) {
      const current = serving();
      if (!current.ok) return current;
      const { server, stores } = current.value;
      const changed = await setHostMemberRole(stores.members, server.connectedDevices(), change);
      // Open connections move to the new role now rather than at the server's next periodic check.
      if (changed.ok) await server.checkMembers();
      return changed;
    },

    async revoke(memberId) {
      const current = serving();
      if (!current.ok) return current;
      const { server, stores } = current.value;
      const revoked = await revokeHostMember(stores.members, server.connectedDevices(), memberId, now());
      if (revoked.ok) await server.checkMembers();
      return revoked;
    },
  };
  return host;
}
