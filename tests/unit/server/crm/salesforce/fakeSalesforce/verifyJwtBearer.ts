/**
 * The fake org's token endpoint logic, written from Salesforce's "OAuth 2.0 JWT Bearer Flow for
 * Server-to-Server Integration" and RFC 7523: the assertion is RS256-signed with the key whose certificate
 * is on the connected app; iss is the consumer key, sub a pre-authorised username, aud the login URL, exp
 * no more than three minutes ahead. Refusals use the standard OAuth error body.
 */
import { verify, type KeyObject } from 'node:crypto';

/** The connected app as the fake org knows it. */
export interface FakeConnectedApp {
  clientId: string;
  /** The public half of the uploaded certificate; replacing it "revokes" the old key. */
  publicKey: KeyObject;
  /** Usernames whose profile or permission set is pre-authorised ("Admin approved users are pre-authorized"). */
  preAuthorised: Set<string>;
  /** The login URL the `aud` claim must name. */
  audience: string;
}

/** An OAuth error body as the token endpoint returns it with HTTP 400. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The username the assertion signs in as, or the OAuth error Salesforce would answer. */
export function verifyJwtBearer(
  assertion: string,
  app: FakeConnectedApp,
  nowMs: number,
): { sub: string } | OAuthErrorBody {
  const invalid = (description: string): OAuthErrorBody => ({ error: 'invalid_grant', error_description: description });
  const parts = assertion.split('.') as [string, string, string];
  if (parts.length !== 3) return invalid('invalid assertion');
  const header = decodeJson(parts[0]);
  const claims = decodeJson(parts[1]);
  if (!header || !claims || header.alg !== 'RS256') return invalid('invalid assertion');
  if (claims.iss !== app.clientId)
    return { error: 'invalid_client_id', error_description: 'client identifier invalid' };
  const signed = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    app.publicKey,
    Buffer.from(parts[2], 'base64url'),
  );
  if (!signed) return invalid('invalid assertion');
  if (claims.aud !== app.audience) return invalid('audience is invalid');
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : NaN;
  if (!(exp > nowMs)) return invalid('expired authorization code');
  if (exp > nowMs + 3 * 60 * 1000 + 5000) return invalid('invalid assertion'); // more than 3 minutes ahead
  if (typeof claims.sub !== 'string' || !app.preAuthorised.has(claims.sub)) {
    return invalid("user hasn't approved this consumer");
  }
  return { sub: claims.sub };
}
