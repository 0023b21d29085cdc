/**
 * Loads documents on first use, shares one copy between all their connections and unloads (then compacts)
 * a document once its last connection is gone and its queue has drained.
 */
import type { SharedDoc, SharedDocDeps } from './SharedDoc';
import { SharedDoc as SharedDocClass } from './SharedDoc';

interface Entry {
  ready: Promise<SharedDoc>;
  /** Connections holding the doc, counted from acquire (not from load) so an unload never races a join. */
  refs: number;
}

/** The set of loaded documents. */
export class DocRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly deps: SharedDocDeps) {}

  /** Number of documents loaded or loading. */
  get size(): number {
    return this.entries.size;
  }

  /** The loaded doc for `name`, loading it (completely) first if needed. Pair every call with `release`. */
  acquire(name: string): Promise<SharedDoc> {
    let entry = this.entries.get(name);
    if (entry === undefined) {
      const ready = SharedDocClass.load(name, this.deps);
      entry = { ready, refs: 0 };
      this.entries.set(name, entry);
      this.deps.metrics.loadedDocs = this.entries.size;
      const loading = entry;
      ready.catch((error: unknown) => {
        console.error(`[sync] ${name}: could not load`, error);
        if (this.entries.get(name) === loading) this.entries.delete(name);
        this.deps.metrics.loadedDocs = this.entries.size;
      });
    }
    entry.refs++;
    return entry.ready;
  }

  /** Drops one reference; the last one unloads the doc after its queue drains. */
  release(name: string): void {
    const entry = this.entries.get(name);
    if (entry === undefined) return;
    entry.refs--;
    if (entry.refs > 0) return;
    this.track(
      entry.ready.then(async (shared) => {
        await shared.drain();
        if (entry.refs > 0 || this.entries.get(name) !== entry) return;
        this.entries.delete(name);
        this.deps.metrics.loadedDocs = this.entries.size;
        const needsCompaction = shared.appendsSinceCompaction > 1;
        shared.destroy();
        if (needsCompaction) {
          await this.deps.storage.compact(name);
          this.deps.metrics.compactions++;
        }
      }),
    );
  }

  /** Forgets a doc whose storage failed, so the next connection loads a fresh copy from storage. */
  evict(name: string, shared: SharedDoc): void {
    const entry = this.entries.get(name);
    if (entry === undefined) return;
    this.track(
      entry.ready.then((loaded) => {
        if (loaded !== shared || this.entries.get(name) !== entry) return;
        this.entries.delete(name);
        this.deps.metrics.loadedDocs = this.entries.size;
      }),
    );
  }

  /** Waits for every queue, unload and compaction under way. */
  async drainAll(): Promise<void> {
    const docs = await Promise.allSettled([...this.entries.values()].map((entry) => entry.ready));
    await Promise.all(docs.map((doc) => (doc.status === 'fulfilled' ? doc.value.drain() : undefined)));
    while (this.background.size > 0) await Promise.all([...this.background]);
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
