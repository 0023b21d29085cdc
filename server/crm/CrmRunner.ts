/**
 * The CRM runner of a serving process: it reads the connections from the store every few seconds (so a
 * `crm connect` or `crm disconnect` made by the command line reaches a running server without a restart)
 * and keeps one CrmSync per connection — restarted when its revision changes or it ended on an error,
 * stopped when the connection is gone. In a cluster only the node holding the store's runner lock syncs.
 */
import { crmStatusDocName } from '@shared/collab/docNames';
import { writeCrmStatus } from '@shared/collab/crmStatus';
import { CrmSync, type CrmSyncDeps } from './CrmSync';

/** How the runner is tuned (tests shorten the waits). */
export interface CrmRunnerOptions {
  /** How often the store is read for changed connections; default 2 s. */
  checkMs?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** Runs every workspace's CRM sync. */
export class CrmRunner {
  private readonly syncs = new Map<string, { revision: number; sync: CrmSync }>();
  private readonly deps: CrmSyncDeps;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private closed = false;

  constructor(
    deps: Omit<CrmSyncDeps, 'backoffMs' | 'maxBackoffMs'>,
    private readonly options: CrmRunnerOptions = {},
  ) {
    this.deps = { ...deps, backoffMs: options.backoffMs ?? 2_000, maxBackoffMs: options.maxBackoffMs ?? 300_000 };
  }

  /** Starts checking the store now and every `checkMs`. */
  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkMs ?? 2_000);
  }

  /** Compares the store with the running syncs and starts, restarts or stops them. */
  check(): Promise<void> {
    this.checking ??= this.reconcile()
      .catch((error: unknown) => console.error('[crm] reading the connections failed', error))
      .finally(() => (this.checking = null));
    return this.checking;
  }

  /** Stops every sync (each after its request under way) and gives up the runner claim. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    await this.checking;
    await Promise.all([...this.syncs.values()].map(({ sync }) => sync.stop()));
    this.syncs.clear();
    this.deps.store.releaseRunner();
  }

  private async reconcile(): Promise<void> {
    if (this.closed || !(await this.deps.store.claimRunner())) return;
    const connections = await this.deps.store.list();
    const live = new Set<string>();
    for (const connection of connections) {
      const { workspace } = connection;
      if (connection.sealedCredentials === '') {
        // Disconnected (`crm disconnect`): clear what the app shows, then forget the connection.
        await this.stopSync(workspace);
        await this.clearStatus(workspace);
        await this.deps.store.remove(workspace);
        continue;
      }
      live.add(workspace);
      const running = this.syncs.get(workspace);
      if (running && running.revision === connection.revision && !running.sync.finished) continue;
      await this.stopSync(workspace);
      if (this.closed) return;
      this.syncs.set(workspace, { revision: connection.revision, sync: new CrmSync(connection, this.deps) });
    }
    for (const workspace of [...this.syncs.keys()]) if (!live.has(workspace)) await this.stopSync(workspace);
  }

  private async stopSync(workspace: string): Promise<void> {
    const running = this.syncs.get(workspace);
    this.syncs.delete(workspace);
    await running?.sync.stop();
  }

  private async clearStatus(workspace: string): Promise<void> {
    const lease = this.deps.registry.acquire(crmStatusDocName(workspace));
    try {
      const shared = await lease.ready;
      writeCrmStatus(shared.doc, null);
      await shared.drain();
    } finally {
      lease.release();
    }
  }
}
