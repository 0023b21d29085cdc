/**
 * Keeps a connector under its provider's request rate: a token bucket (server/sync/TokenBucket.ts) that
 * waits for a token instead of refusing, so a burst of pages never trips the provider's per-second limit.
 */
import { TokenBucket } from '../sync/TokenBucket';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Paces requests evenly, `perSecond` of them a second. */
export class RequestPacer {
  private readonly bucket: TokenBucket;

  constructor(private readonly perSecond: number) {
    // A burst of one: in any second at most `perSecond` + 1 requests leave (HubSpot counts a rolling second).
    this.bucket = new TokenBucket(1, perSecond);
  }

  /** Resolves when a request may go (at once when the bucket has a token); early when `signal` aborts. */
  async next(signal?: AbortSignal): Promise<void> {
    while (!this.bucket.take(1)) {
      if (signal?.aborted) return;
      await sleep(Math.ceil(1000 / this.perSecond / 2), signal);
    }
  }
}
