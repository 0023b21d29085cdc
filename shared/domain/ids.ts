/**
 * Identifiers used in document names. They travel in URLs (the sync server routes on them) and file names,
 * so they are restricted to a safe alphabet rather than escaped everywhere.
 */

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `value` can be used as a workspace, playbook or narrative id. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random bytes drawn 4 KiB at a time: an import of 20,000 deals makes tens of thousands of ids. */
const pool = new Uint8Array(4096);
let poolAt = pool.length;

/**
 * A new random id (URL-safe, 16 characters ≈ 82 bits). Uses Web Crypto, which browsers, Electron's renderer
 * and Node ≥ 19 all expose as `globalThis.crypto`; each byte is used once.
 */
export function newId(prefix = ''): string {
  if (poolAt + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  let out = prefix;
  for (let i = poolAt; i < poolAt + 16; i++) out += ALPHABET[pool[i]! % ALPHABET.length];
  poolAt += 16;
  return out;
}
