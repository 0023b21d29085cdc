/**
 * One authenticated REST call to the org, with the house rules applied to every call: the allowance guard
 * before, the Sforce-Limit-Info reading after, one re-mint on 401 INVALID_SESSION_ID, and Salesforce's error
 * bodies (`[{ message, errorCode }]`) turned into `CrmFailure` values.
 */
import type { CrmFailure } from '../CrmConnector';
import type { ApiLimitGuard } from './ApiLimitGuard';
import type { SalesforceAuth } from './SalesforceAuth';

/** A call that got a 2xx answer; `body` is the parsed JSON (undefined for 204). */
export interface ApiReply {
  ok: true;
  status: number;
  body: unknown;
}

/** A failed call: the failure for the runner plus Salesforce's errorCode for callers that branch on it. */
export interface ApiFailure {
  ok: false;
  failure: CrmFailure;
  errorCode: string;
}

/** How long to wait after REQUEST_LIMIT_EXCEEDED for the daily total, and for the concurrent-request cap. */
const DAILY_LIMIT_PAUSE_MS = 60 * 60 * 1000;
const CONCURRENCY_PAUSE_MS = 30 * 1000;

function firstError(body: unknown): { errorCode: string; message: string } {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (first && typeof first === 'object') {
    const { errorCode, message } = first as { errorCode?: unknown; message?: unknown };
    return {
      errorCode: typeof errorCode === 'string' ? errorCode : '',
      message: typeof message === 'string' ? message.trim() : '',
    };
  }
  return { errorCode: '', message: '' };
}

function fail(code: CrmFailure['code'], message: string, errorCode: string, retryAfterMs?: number): ApiFailure {
  const failure: CrmFailure = { ok: false, code, message };
  if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  return { ok: false, failure, errorCode };
}

/** Maps a non-2xx answer to the failure the runner acts on (see docs/CRM.md, "Salesforce → Limits"). */
export function failureFromResponse(status: number, body: unknown): ApiFailure {
  const { errorCode, message } = firstError(body);
  const said = message ? `: ${message}` : '';
  if (status === 401) {
    return fail(
      'auth',
      `Salesforce refused a freshly signed-in session (${errorCode || status}${said}). Run \`crm connect\` again.`,
      errorCode,
    );
  }
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    // The same code covers the daily total ("TotalRequests Limit exceeded") and the concurrent-request cap.
    return /TotalRequests/i.test(message)
      ? fail(
          'quota',
          `Salesforce's daily API allowance is spent${said}. Duet waits and tries again.`,
          errorCode,
          DAILY_LIMIT_PAUSE_MS,
        )
      : fail('rate-limited', `Salesforce is limiting concurrent requests${said}.`, errorCode, CONCURRENCY_PAUSE_MS);
  }
  if (status >= 500) return fail('provider', `Salesforce answered ${status}${said}; Duet will retry.`, errorCode);
  if (status === 403 || errorCode === 'INVALID_FIELD' || errorCode === 'INVALID_TYPE') {
    return fail(
      'config',
      `Salesforce refused the request (${errorCode || status}${said}). Check the integration user's permissions and the configured fields.`,
      errorCode,
    );
  }
  return fail('provider', `Salesforce answered ${status} (${errorCode || 'no error code'}${said}).`, errorCode);
}

/** Sends REST calls to one org. */
export class SalesforceApi {
  constructor(
    private readonly instanceUrl: string,
    private readonly auth: SalesforceAuth,
    private readonly guard: ApiLimitGuard,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /**
   * Calls `path` (which must start with /services/data/, so a stored paging URL can never send the token
   * elsewhere). Re-mints the token once when Salesforce says the session is invalid.
   */
  async call(
    method: 'GET' | 'PATCH',
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<ApiReply | ApiFailure> {
    if (!path.startsWith('/services/data/'))
      throw new Error(`[crm] refusing a Salesforce path outside the REST API: ${path}`);
    const blocked = this.guard.check();
    if (blocked) return { ok: false, failure: blocked, errorCode: '' };
    for (let attempt = 0; ; attempt++) {
      const token = await this.auth.accessToken(options.signal);
      if (!token.ok) return { ok: false, failure: token, errorCode: '' };
      let response: Response;
      let text: string;
      try {
        response = await this.fetchFn(this.instanceUrl + path, {
          method,
          headers: {
            Authorization: `Bearer ${token.token}`,
            Accept: 'application/json',
            ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...options.headers,
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        });
        text = await response.text();
      } catch (error) {
        // The runner stopping is not Salesforce's fault; it discards this value anyway.
        if (options.signal?.aborted) return fail('provider', 'Stopped.', '');
        return fail('provider', `Cannot reach Salesforce at ${this.instanceUrl}: ${(error as Error).message}`, '');
      }
      this.guard.record(response.headers.get('sforce-limit-info'));
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        if (response.ok)
          return fail(
            'provider',
            `Salesforce sent a reply that is not JSON (${response.status}); Duet will retry.`,
            '',
          );
        body = undefined;
      }
      if (response.ok) return { ok: true, status: response.status, body };
      if (response.status === 401 && attempt === 0) {
        this.auth.invalidate(token.token); // expired or revoked session: sign in again, once
        continue;
      }
      return failureFromResponse(response.status, body);
    }
  }
}
