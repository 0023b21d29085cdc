/**
 * CRM credentials at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the server's token-signing
 * secret, so a copy of the database alone reveals nothing, and the ciphertext is bound to its workspace
 * (additional data) so a row copied to another workspace does not decrypt. Plain credentials exist only in
 * the CLI process that receives them and in the runner's memory; they are never logged or sent to clients.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Format tag of the sealed text, so a later scheme can be told apart. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(secret: Buffer): Buffer {
  // A separate key per purpose: the signing secret itself never encrypts anything.
  return Buffer.from(hkdfSync('sha256', secret, 'duet-crm', 'crm credentials v1', 32));
}

/** Encrypts `credentials` (any JSON object) for `workspace`. */
export function sealCredentials(secret: Buffer, workspace: string, credentials: Record<string, string>): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(Buffer.from(workspace, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/**
 * Decrypts what `sealCredentials` wrote; null when it was sealed under another secret or workspace or was
 * altered (the caller tells the admin to run `crm connect` again — the plain text is never guessed at).
 */
export function openCredentials(secret: Buffer, workspace: string, sealed: string): Record<string, string> | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(workspace, 'utf8'));
    const tagBytes = Buffer.from(tag, 'base64url');
    if (tagBytes.length !== TAG_BYTES) return null;
    decipher.setAuthTag(tagBytes);
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    const value = JSON.parse(plain) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const out: Record<string, string> = {};
    for (const [key, field] of Object.entries(value)) if (typeof field === 'string') out[key] = field;
    return out;
  } catch {
    return null; // authentication failed: wrong secret or workspace, or tampered
  }
}
