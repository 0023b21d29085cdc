/**
 * Signs arbitrary token payloads the way the server's format does (docs/SYNC-PROTOCOL.md), so tests can
 * build expired, forged and stale tokens that `invite` would never issue.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The server's secret from its data directory. */
export function readSecret(dataDir: string): Buffer {
  return Buffer.from(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), 'base64url');
}

/** `base64url(JSON) "." base64url(HMAC-SHA256)`. */
export function forgeToken(secret: Buffer, claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** The claims inside a token (no verification). */
export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
