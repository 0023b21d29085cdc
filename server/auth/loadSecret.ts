/**
 * The per-server signing secret: 32 random bytes in `{data}/secret.key`, created on first run with mode
 * 0600 so other local users cannot mint tokens. Never logged, never sent.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the secret inside `--data`. */
export const SECRET_FILE = 'secret.key';

/** Reads the secret, creating it on first run; throws if the file exists but is not a valid secret. */
export function loadSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so two processes starting at once cannot both write a secret.
    writeFileSync(path, randomBytes(32).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Tighten a secret someone copied in with looser permissions rather than refusing to start.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (secret.length < 32) throw new Error(`[auth] ${path} does not hold a 32-byte secret; delete it to create one`);
  return secret;
}
