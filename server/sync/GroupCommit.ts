/**
 * Group commit across documents: the batches of every document that is ready to store together go to the
 * store in one transaction (`DocStorage.appendMany`). Measured on the 2-core machine, PostgreSQL (fsync off)
 * committed about 1,000 single-row transactions a second at best — a commit, not a row, is what its log pays
 * for — so one transaction per document at 500 updates/s over 100 documents kept it half busy, and every
 * hiccup queued appends up to the pool's limit (relay p50 in the hundreds of ms).
 *
 * When nothing is being stored, the group forms as soon as the task that brought the updates is done (a
 * microtask: every frame of a socket read, every document they touched): the first commit never waits, as in
 * a database's group commit. Measured (bench/server-cluster.mjs's relay, alternating rounds), forming it at
 * the end of the loop's iteration instead (setImmediate) held each update behind the other sockets' reads of
 * that iteration: Duet SQLite's per-round relay p99 ranged 1.22–2.27 ms, against 1.27–1.63 ms this way, and
 * its blast throughput did not drop (45,000–55,700 updates/s against 39,100–47,300).
 *
 * While a group is being stored, the documents that become ready collect until the end of the loop's
 * iteration and go together; at most `MAX_IN_FLIGHT` groups are being stored at once. A document that
 * becomes ready meanwhile waits for one of them to finish, its batch still collecting, and joins the next
 * group: under load the groups grow instead of the queue. Each document has at most one batch in a group
 * (its own queue awaits the store).
 */
import type { Metrics } from '../http/Metrics';
import type { DocStorage } from '../storage/DocStorage';

/** Groups being stored at once: one may be in the database while the next one forms and is sent. */
const MAX_IN_FLIGHT = 2;

interface Waiting {
  docName: string;
  /** Closes the document's batch (called as the group forms) and returns its updates. */
  close: () => readonly Uint8Array[];
  resolve: (last: number) => void;
  reject: (error: unknown) => void;
}

/** One per store: the documents of a registry share it. */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly storage: Pick<DocStorage, 'appendMany'>,
    private readonly metrics: Pick<Metrics, 'storeTransactions'>,
  ) {}

  /**
   * Stores `docName`'s batch with the other documents ready with it; `close` is called when the group forms,
   * so updates that arrive until then still join. Resolves with the batch's last sequence number.
   */
  store(docName: string, close: () => readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ docName, close, resolve, reject });
      if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT) return;
      this.scheduled = true;
      const form = (): void => {
        this.scheduled = false;
        this.flush();
      };
      // Idle: once this task's documents have joined. Busy: at the end of the loop's iteration, so the
      // documents of every socket read in it join.
      if (this.inFlight === 0) queueMicrotask(form);
      else setImmediate(form);
    });
  }

  private flush(): void {
    if (this.inFlight >= MAX_IN_FLIGHT || this.waiting.length === 0) return;
    const group = this.waiting;
    this.waiting = [];
    this.inFlight++;
    let batches;
    try {
      batches = group.map(({ docName, close }) => ({ docName, updates: close() }));
    } catch (error) {
      this.inFlight--;
      for (const waiting of group) waiting.reject(error);
      return;
    }
    this.metrics.storeTransactions++;
    this.storage
      .appendMany(batches)
      .then(
        (lasts) => group.forEach((waiting, i) => waiting.resolve(lasts[i]!)),
        (error: unknown) => group.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        this.inFlight--;
        // Whoever became ready meanwhile has waited a whole store already: their group goes now.
        this.flush();
      });
  }
}
