/**
 * The assertion of the OAuth 2.0 JWT bearer flow (RFC 7523) as Salesforce expects it: RS256 over
 * `{"alg":"RS256"}` and the claims iss/sub/aud/exp. Built with node:crypto so no JWT library is needed.
 */
import { sign, type KeyObject } from 'node:crypto';

/** Salesforce refuses an assertion whose `exp` is more than three minutes away; stay well inside it. */
export const ASSERTION_LIFETIME_S = 150;

/** The claims the token endpoint checks. */
export interface JwtBearerClaims {
  /** The connected app's consumer key. */
  iss: string;
  /** The username to act as. */
  sub: string;
  /** The login URL (https://login.salesforce.com, https://test.salesforce.com or the My Domain URL). */
  aud: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function base64url(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

/** Builds the claims for one sign-in, expiring `ASSERTION_LIFETIME_S` after `nowMs`. */
export function jwtBearerClaims(clientId: string, username: string, loginUrl: string, nowMs: number): JwtBearerClaims {
  return { iss: clientId, sub: username, aud: loginUrl, exp: Math.floor(nowMs / 1000) + ASSERTION_LIFETIME_S };
}

/** Signs the claims with the connected app's private key: `header.claims.signature`, all base64url. */
export function signJwtAssertion(claims: JwtBearerClaims, key: KeyObject): string {
  const signingInput = `${base64url({ alg: 'RS256' })}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key).toString('base64url');
  return `${signingInput}.${signature}`;
}
