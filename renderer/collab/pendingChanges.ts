/**
 * What "N changes not on the server yet" counts, and when the next connection attempt comes — pure
 * functions, so the rules the title bar and sidebar state are tested without a socket.
 */

/**
 * How many operations of this device the server has not yet confirmed as stored: for each of `own` (the
 * Yjs client ids this device wrote with), how far the local clock is ahead of the stored one. Operations
 * of other clients are never counted — they reached this device from the server (live or, after a reload,
 * from local storage) and are not this client's to send.
 */
export function countUnconfirmed(
  local: ReadonlyMap<number, number>,
  stored: ReadonlyMap<number, number>,
  own: ReadonlySet<number>,
): number {
  let total = 0;
  for (const client of own) total += Math.max(0, (local.get(client) ?? 0) - (stored.get(client) ?? 0));
  return total;
}

/** First wait after a failed connection attempt. */
export const RETRY_FIRST_MS = 1_000;
/** Longest wait between attempts: a self-hosted server that comes back is found within this. */
export const RETRY_MAX_MS = 10_000;

/** Wait before the next attempt after `failures` failed ones in a row (1 s, 2 s, 4 s, 8 s, then 10 s). */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);
}
