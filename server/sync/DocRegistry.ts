/**
 * Loads documents on first use, shares one copy between all their connections and unloads (then compacts)
 * a document once its last connection is gone and its queue has drained. A copy whose storage failed is
 * forgotten at once and never handed to a new connection: the next one loads a fresh copy from the store.
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

  constructor(deps: SharedDocDeps) {
    // Every document of the registry stores through one group commit (one transaction per turn).
    this.deps = { ...deps, commits: deps.commits ?? new GroupCommit(deps.storage, deps.metrics) };
  }

  /** Number of documents loaded or loading. */
  get size(): number {
    return this.entries.size;
  }

  /** The loaded doc for `name`, loading it (completely) first if needed. */
  acquire(name: string): DocLease {
    let entry = this.entries.get(name);
    if (entry === undefined || entry.loaded?.isFailed === true) entry = this.load(name);
    entry.refs++;
    const held = entry;
    let released = false;
    return {
      ready: entry.ready,
      release: () => {
        if (released) return;
        released = true;
        this.release(name, held);
      },
    };
  }

  /** Waits for every queue, unload and compaction under way. */
  async drainAll(): Promise<void> {
    const docs = await Promise.allSettled([...this.entries.values()].map((entry) => entry.ready));
    await Promise.all(docs.map((doc) => (doc.status === 'fulfilled' ? doc.value.drain() : undefined)));
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  private load(name: string): Entry {
    const entry: Entry = { ready: SharedDocClass.load(name, this.deps), loaded: null, refs: 0 };
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

  /** Drops one reference; the last one unloads the doc after its queue drains. */
  private release(name: string, entry: Entry): void {
    entry.refs--;
    if (entry.refs > 0) return;
    this.track(
      entry.ready.then(
        async (shared) => {
          await shared.drain();
          if (entry.refs > 0) return;
          this.forget(name, entry);
          const needsCompaction = shared.appendsSinceCompaction > 1 && !shared.isFailed;
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
