/**
 * Member tokens: `base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload part))`. The payload
 * names the workspace, member and role; the members table decides whether the member still exists
 * (revocation), so a token needs no server-side session.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** What a token asserts. Times are Unix seconds. */
export const tokenClaimsSchema = z
  .object({
    v: z.literal(1),
    ws: idSchema,
    mid: idSchema,
    role: z.enum(ROLES),
    iat: z.number().int().nonnegative(),
    exp: z.number().int().positive().optional(),
  })
  .strict();
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** Tokens longer than this are refused before any parsing or hashing. */
const MAX_TOKEN_LENGTH = 1024;

function sign(secret: Buffer, payloadPart: string): Buffer {
  return createHmac('sha256', secret).update(payloadPart).digest();
}

/** Signs `claims` into a token. */
export function signToken(secret: Buffer, claims: TokenClaims): string {
  const payloadPart = Buffer.from(JSON.stringify(tokenClaimsSchema.parse(claims))).toString('base64url');
  return `${payloadPart}.${sign(secret, payloadPart).toString('base64url')}`;
}

/**
 * Verifies a token's signature, shape and expiry (not revocation: see `MemberStore`). `nowSeconds` is
 * passed in so tests can check expiry without waiting.
 */
export function verifyToken(secret: Buffer, token: string, nowSeconds: number): Result<TokenClaims> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return fail('denied', 'malformed token');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return fail('denied', 'malformed token');
  const [payloadPart, signaturePart] = parts as [string, string];
  const expected = sign(secret, payloadPart);
  const given = Buffer.from(signaturePart, 'base64url');
  // Compare in constant time; the length check first is safe because the length is public.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('denied', 'bad signature');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    // Signed by us yet unparsable only happens with a different token format; it is still a refusal.
    return fail('denied', 'malformed token payload');
  }
  const claims = tokenClaimsSchema.safeParse(json);
  if (!claims.success) return fail('denied', 'malformed token payload');
  if (claims.data.exp !== undefined && claims.data.exp <= nowSeconds) return fail('denied', 'token expired');
  return ok(claims.data);
}
