/**
 * Which origins count as "Duet itself": app://duet in every build, plus the Vite dev server in development.
 * Navigation, window.open and IPC all ask the same question, so it is answered in one place.
 *
 * We compare scheme and host ourselves instead of `URL.origin`, because Node reports the origin of a
 * non-special scheme such as app:// as the string "null", which would make every app:// URL look alike.
 */
import { APP_HOST, APP_SCHEME } from '@shared/security/csp';

/** A scheme (with its colon, as `URL.protocol` has it) and a host (with the port, as `URL.host` has it). */
export interface TrustedOrigin {
  readonly protocol: string;
  readonly host: string;
}

/** The origin the packaged renderer is served from. */
export const APP_TRUSTED_ORIGIN: TrustedOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };

/** Longer URLs are refused before parsing: no page of ours has one, and parsing megabytes costs time. */
export const MAX_TRUSTED_URL_LENGTH = 64 * 1024;

/** Parses `raw` as a URL, or returns null for anything that is not a string holding an absolute URL. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_TRUSTED_URL_LENGTH) return null;
  try {
    return new URL(raw);
  } catch {
    return null; // not a URL: callers treat null as "not trusted", which is the answer they need
  }
}

/** The origin of a URL such as the dev server's `http://localhost:5173`; throws for anything else (a bug). */
export function originOf(raw: string): TrustedOrigin {
  const url = parseUrl(raw);
  if (url === null || url.host.length === 0) throw new Error(`[security] not an absolute URL with a host: ${raw}`);
  return { protocol: url.protocol, host: url.host };
}

/** True when `raw` is a URL on one of `origins`, with no user name or password smuggled into it. */
export function isTrustedUrl(raw: unknown, origins: readonly TrustedOrigin[]): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  // app://duet@evil/ has host "evil", but reject any credentials outright: no URL of ours carries them.
  if (url.username !== '' || url.password !== '') return false;
  return origins.some((origin) => origin.protocol === url.protocol && origin.host === url.host);
}
