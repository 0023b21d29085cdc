/**
 * Loads documents on first use, shares one copy between all their connections and unloads (then compacts)
 * a document once its last connection has been gone for `keepLoadedMs` and its queue has drained. A copy whose
 * storage failed is forgotten at once and never handed to a new connection: the next one loads a fresh copy
 * from the store.
 *
 * Why keep an unused copy a while: loading a company's 20,000-deal notes document decodes 23.5 MB, one
 * uninterruptible task of several hundred milliseconds during which the server relays nothing for anyone, and
 * the people who leave a document are the ones who come back to it (a reload, a laptop waking, the next app
 * start). A copy kept loaded answers them from memory, and its whole state is already encoded (FullState.ts).
 * On a cluster node a kept copy stops hearing the other nodes and catches up from the store when someone
 * comes back (FanIn.ts).
 */
import type { SharedDoc, SharedDocDeps } from './SharedDoc';
import { GroupCommit } from './GroupCommit';
import { SharedDoc as SharedDocClass } from './SharedDoc';

interface Entry {
  ready: Promise<SharedDoc>;
  /** Set once loaded, so `acquire` can see synchronously that a copy failed. */
  loaded: SharedDoc | null;
  /** Connections holding the doc, counted from acquire (not from load) so an unload never races a join. */
  refs: number;
  /** While nobody holds the doc: the timer that unloads it (cleared by the next acquire). */
  idle: ReturnType<typeof setTimeout> | null;
}

/** How the registry keeps documents. */
export interface DocRegistryOptions {
  /** How long a document stays loaded after its last connection left (0: unload at once). */
  keepLoadedMs?: number;
}

/** One connection's hold on a document; `release` exactly once. */
export interface DocLease {
  ready: Promise<SharedDoc>;
  release(): void;
}

/** The set of loaded documents. */
export class DocRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly background = new Set<Promise<void>>();
  private readonly deps: SharedDocDeps;
  private readonly keepLoadedMs: number;
  /** Set by drainAll (the server is stopping): documents nobody holds unload at once. */
  private draining = false;

  constructor(deps: SharedDocDeps, { keepLoadedMs = 0 }: DocRegistryOptions = {}) {
    // Every document of the registry stores through one group commit (one transaction per group).
    this.deps = { ...deps, commits: deps.commits ?? new GroupCommit(deps.storage, deps.metrics) };
    this.keepLoadedMs = keepLoadedMs;
  }

  /** Number of documents loaded or loading. */
  get size(): number {
    return this.entries.size;
  }

  /** The loaded doc for `name`, loading it (completely) first if needed. */
  acquire(name: string): DocLease {
    let entry = this.entries.get(name);
    if (entry === undefined || entry.loaded?.isFailed === true) entry = this.load(name);
    if (entry.idle !== null) clearTimeout(entry.idle);
    entry.idle = null;
    entry.refs++;
    const held = entry;
    let released = false;
    return {
      // A kept copy that stopped hearing the other nodes catches up before it is handed over (FanIn.ts).
      ready: entry.ready.then(async (shared) => {
        await shared.resumeFanIn();
        return shared;
      }),
      release: () => {
        if (released) return;
        released = true;
        this.release(name, held);
      },
    };
  }

  /**
   * Unloads what is only kept, and waits for every queue, unload and compaction under way. For a server that
   * is stopping: from then on a document whose last connection leaves unloads at once.
   */
  async drainAll(): Promise<void> {
    this.draining = true;
    for (const [name, entry] of this.entries) {
      if (entry.idle === null) continue;
      clearTimeout(entry.idle);
      entry.idle = null;
      // A cluster node leaves a kept copy's log for the next node that unloads it: every stopping node
      // compacting the same documents at once would queue on PostgreSQL's row lock.
      this.unload(name, entry, !this.deps.broadcaster.clustered);
    }
    const docs = await Promise.allSettled([...this.entries.values()].map((entry) => entry.ready));
    await Promise.all(docs.map((doc) => (doc.status === 'fulfilled' ? doc.value.drain() : undefined)));
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  private load(name: string): Entry {
    const entry: Entry = { ready: SharedDocClass.load(name, this.deps), loaded: null, refs: 0, idle: null };
    this.entries.set(name, entry);
    this.deps.metrics.loadedDocs = this.entries.size;
    entry.ready.then(
      (shared) => {
        entry.loaded = shared;
        shared.onFailed = () => this.forget(name, entry);
      },
      (error: unknown) => {
        console.error(`[sync] ${name}: could not load`, error);
        this.forget(name, entry);
      },
    );
    return entry;
  }

  private forget(name: string, entry: Entry): void {
    if (this.entries.get(name) === entry) this.entries.delete(name);
    this.deps.metrics.loadedDocs = this.entries.size;
  }

  /** Drops one reference; the last one unloads the doc (after `keepLoadedMs`, once its queue drains). */
  private release(name: string, entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0) return;
    if (this.keepLoadedMs === 0 || this.draining) return this.unload(name, entry);
    // Kept, but nobody here reads it: a cluster node stops applying the other nodes' updates to it.
    entry.ready.then(
      (shared) => entry.refs === 0 && shared.pauseFanIn(),
      () => {}, // a copy that never loaded has nothing to pause (its load error was logged)
    );
    entry.idle = setTimeout(() => {
      entry.idle = null;
      if (entry.refs === 0) this.unload(name, entry);
    }, this.keepLoadedMs);
    // A kept copy must not hold the process open (a CLI command, a test's server).
    entry.idle.unref?.();
  }

  private unload(name: string, entry: Entry, compact = true): void {
    this.track(
      entry.ready.then(
        async (shared) => {
          await shared.drain();
          if (entry.refs > 0) return;
          this.forget(name, entry);
          const needsCompaction = compact && shared.appendsSinceCompaction > 1 && !shared.isFailed;
          shared.destroy();
          if (needsCompaction) {
            await this.deps.storage.compact(name);
            this.deps.metrics.compactions++;
          }
        },
        () => {},
      ), // a copy that never loaded has nothing to unload (its load error was logged)
    );
  }

  private track(task: Promise<void>): void {
    const tracked = task.then(
      () => {},
      (error: unknown) => console.error('[sync] unload or compaction failed', error),
    );
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }
}
