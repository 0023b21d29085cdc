/**
 * Tells connected clients when the document store stops answering (PostgreSQL down) and when it answers
 * again. While it is down nothing is stored, so nothing is acknowledged or relayed: a writer finds out on
 * its next write, but a reader that only listens would otherwise see a quiet document and believe it is up
 * to date. Each change of the health check's answer goes to every extension-aware connection as Duet's
 * `store` message; a client connecting while the store is down is told at once.
 */
import { encodeStoreMessage } from '@shared/collab/syncProtocol';

/** A connection the watch can tell. */
export interface StoreWatchTarget {
  readonly extensions: boolean;
  send(message: Uint8Array): void;
}

/** How often the store is asked (the revocation check's pace: clients are told within a few seconds). */
export const STORE_CHECK_MS = 2_000;
/**
 * An answer slower than this counts as "unreachable": a query caught on a connection the database dropped
 * can hang far longer, and a check that never settles would never tell anyone.
 */
export const STORE_CHECK_TIMEOUT_MS = 1_500;

function withTimeout(answer: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([answer.catch(() => false), late]).finally(() => clearTimeout(timer));
}

/** Watches the store's health for the connections it holds. */
export class StoreWatch {
  private readonly targets = new Set<StoreWatchTarget>();
  private reachable = true;
  private checking: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly isReachable: () => Promise<boolean>,
    intervalMs = STORE_CHECK_MS,
  ) {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  /** Holds a connection until `remove`; tells it now when the store is down. */
  add(target: StoreWatchTarget): void {
    this.targets.add(target);
    if (!this.reachable && target.extensions) target.send(encodeStoreMessage(false));
  }

  /** Forgets a closed connection. */
  remove(target: StoreWatchTarget): void {
    this.targets.delete(target);
  }

  /** Asks the store once (also what the timer does); concurrent calls share one check. */
  check(): Promise<void> {
    this.checking ??= withTimeout(this.isReachable(), STORE_CHECK_TIMEOUT_MS)
      .then((reachable) => {
        if (reachable === this.reachable) return;
        this.reachable = reachable;
        console.warn(`[sync] the document store is ${reachable ? 'reachable again' : 'unreachable'}`);
        const message = encodeStoreMessage(reachable);
        for (const target of this.targets) if (target.extensions) target.send(message);
      })
      .finally(() => (this.checking = null));
    return this.checking;
  }

  /** Stops watching. */
  stop(): void {
    clearInterval(this.timer);
    this.targets.clear();
  }
}
