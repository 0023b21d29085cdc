/**
 * Signs in with the JWT bearer flow and caches the access token until Salesforce refuses it. The flow has no
 * refresh token: a new assertion is simply signed again, which is why the connector re-mints once on a 401.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { CrmFailure } from '../CrmConnector';
import type { SalesforceConfig } from './SalesforceConfig';
import { jwtBearerClaims, signJwtAssertion } from './signJwtAssertion';

type Fetch = typeof fetch;

/** An access token, or why there is none. */
export type TokenResult = { ok: true; token: string } | CrmFailure;

interface OAuthError {
  error?: unknown;
  error_description?: unknown;
}

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Turns the token endpoint's standard OAuth error into what the storyteller reads (never any secret). */
export function describeGrantRefusal(username: string, body: OAuthError): CrmFailure {
  const error = typeof body.error === 'string' ? body.error : 'unknown_error';
  const detail = typeof body.error_description === 'string' ? body.error_description : '';
  let message: string;
  if (/approved this consumer|not approved|pre-?authori[sz]ed/i.test(detail)) {
    message =
      `Salesforce refused to sign in as ${username}: the user is not pre-authorised for the connected app. ` +
      `In Setup → Connected Apps → Manage → Edit Policies choose "Admin approved users are pre-authorized" and ` +
      `add the user's profile or permission set, then sync again.`;
  } else if (error === 'invalid_client_id' || error === 'invalid_client') {
    message = `Salesforce does not know the client id (consumer key) of this connection (${detail || error}). Run \`crm connect\` again with the connected app's consumer key.`;
  } else {
    message =
      `Salesforce refused the signed sign-in for ${username} (${error}${detail ? `: ${detail}` : ''}). ` +
      `The certificate on the connected app may have been replaced or revoked, or the username or login URL is ` +
      `wrong: run \`crm connect\` again with the current key.`;
  }
  return { ok: false, code: 'auth', message };
}

/** Mints and caches the access token of one connection. */
export class SalesforceAuth {
  private token: string | null = null;
  private minting: Promise<TokenResult> | null = null;
  private key: KeyObject | null = null;

  constructor(
    private readonly config: SalesforceConfig,
    private readonly fetchFn: Fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token, or a freshly minted one; concurrent callers share one sign-in. */
  accessToken(signal?: AbortSignal): Promise<TokenResult> {
    if (this.token !== null) return Promise.resolve({ ok: true, token: this.token });
    this.minting ??= this.mint(signal).finally(() => (this.minting = null));
    return this.minting;
  }

  /** Forgets `token` after Salesforce refused it (a newer token minted meanwhile is kept). */
  invalidate(token: string): void {
    if (this.token === token) this.token = null;
  }

  private privateKey(): KeyObject | CrmFailure {
    if (this.key) return this.key;
    try {
      this.key = createPrivateKey(this.config.privateKeyPem);
      return this.key;
    } catch {
      // The PEM itself is never echoed: it is the secret.
      return {
        ok: false,
        code: 'auth',
        message: 'The stored Salesforce private key is not a PEM RSA key: run `crm connect` again with --key-file.',
      };
    }
  }

  private async mint(signal?: AbortSignal): Promise<TokenResult> {
    const key = this.privateKey();
    if ('ok' in key) return key;
    const { clientId, username, loginUrl } = this.config;
    const assertion = signJwtAssertion(jwtBearerClaims(clientId, username, loginUrl, this.now()), key);
    const endpoint = `${loginUrl}/services/oauth2/token`;
    let response: Response;
    try {
      response = await this.fetchFn(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) return { ok: false, code: 'provider', message: 'Stopped.' };
      return {
        ok: false,
        code: 'provider',
        message: `Cannot reach Salesforce at ${loginUrl}: ${(error as Error).message}`,
      };
    }
    const body = (await response.json().catch(() => ({}))) as OAuthError & { access_token?: unknown };
    if (response.ok && typeof body.access_token === 'string') {
      this.token = body.access_token;
      return { ok: true, token: body.access_token };
    }
    if (response.status === 400 || response.status === 401) return describeGrantRefusal(username, body);
    return {
      ok: false,
      code: 'provider',
      message: `Salesforce's sign-in endpoint answered ${response.status}; Duet will retry.`,
    };
  }
}
