/**
 * A token bucket: `capacity` tokens, refilled continuously at `perSecond`. Used per connection for messages
 * and for bytes, so a burst (a paste, a reconnect) passes while a sustained flood does not.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number = performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes `amount` tokens if available; false (taking nothing) otherwise. */
  take(amount: number, now: number = performance.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }
}
