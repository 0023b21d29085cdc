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

/**
 * A new random id (URL-safe, 16 characters ≈ 82 bits). Uses Web Crypto, which browsers, Electron's renderer
 * and Node ≥ 19 all expose as `globalThis.crypto`.
 */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = prefix;
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}
