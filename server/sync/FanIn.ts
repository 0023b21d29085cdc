/**
 * A loaded document's subscription to the other nodes' messages — given up while the copy is only kept
 * (nobody on this node holds it) and taken up again, with a catch-up from the store, when someone comes back.
 *
 * Why: a kept copy that went on hearing the other nodes would apply every update they store to a document
 * nobody here reads, for as long as it is kept. Paused, it costs nothing; resumed, it reads from the store
 * what was stored meanwhile (its sequence numbers say from where) before anyone is handed it, so a returning
 * connection never syncs with a stale copy.
 */
import type { Broadcaster, ClusterMessage } from '../storage/Broadcaster';

/** What the fan-in needs of its document. */
export interface FanInDeps {
  name: string;
  broadcaster: Pick<Broadcaster, 'clustered' | 'subscribe'>;
  /** Handles one message of another node. */
  onMessage: (message: ClusterMessage) => void;
  /** Reads and applies every stored update above the copy's watermark. */
  catchUp: () => Promise<void>;
  isDestroyed: () => boolean;
}

/** The subscription of one document; single-node servers never pause it (there is nothing to hear). */
export class FanIn {
  private stop: (() => void) | null = null;
  private paused = false;
  private resuming: Promise<void> | null = null;

  constructor(private readonly deps: FanInDeps) {}

  /** Takes over the subscription the load made (subscribe first, then load, so nothing falls between). */
  adopt(stop: () => void): void {
    this.stop = stop;
  }

  /** Stops hearing the other nodes: nobody on this node holds the document any more. */
  pause(): void {
    if (!this.deps.broadcaster.clustered || this.paused) return;
    this.paused = true;
    this.unsubscribe();
  }

  /**
   * Hears the other nodes again and catches up from the store; resolves once the copy holds everything
   * stored before it resubscribed (at once when it was never paused, or with the resume under way).
   */
  resume(): Promise<void> {
    if (!this.paused) return this.resuming ?? Promise.resolve();
    this.paused = false;
    // After any resume still under way, so there is never more than one subscription to give up.
    const resuming = (this.resuming ?? Promise.resolve()).then(async () => {
      if (this.stop === null) {
        const stop = await this.deps.broadcaster.subscribe(this.deps.name, this.deps.onMessage);
        // Paused again (or gone) while subscribing: give it up at once.
        if (this.paused || this.deps.isDestroyed() || this.stop !== null) stop();
        else this.stop = stop;
      }
      // Subscribed first, then read: what is stored from now on arrives as messages, the rest is read here.
      if (!this.paused) await this.deps.catchUp();
    });
    const settled = (): void => {
      if (this.resuming === resuming) this.resuming = null;
    };
    resuming.then(settled, settled);
    this.resuming = resuming;
    return resuming;
  }

  /** Unsubscribes for good (the document is destroyed). */
  dispose(): void {
    this.paused = true;
    this.unsubscribe();
  }

  private unsubscribe(): void {
    const stop = this.stop;
    this.stop = null;
    stop?.();
  }
}
