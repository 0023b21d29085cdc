/**
 * The one rule for links, used by the editor (what a link may point to), the main process (what
 * shell.openExternal may open) and the browser client: http, https and mailto only.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Longest URL we accept; anything longer is almost certainly an attack or a paste accident. */
export const MAX_URL_LENGTH = 2048;

/** True when `raw` is an absolute http(s)/mailto URL of sane length, with no control characters or edge spaces. */
export function isSafeLinkUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return false;
  // The caller keeps `raw`, not the parsed URL: control characters and edge whitespace, which the WHATWG parser
  // silently drops, could be read differently by whatever opens the link (the OS URL handler, another client).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(raw) || raw !== raw.trim()) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false; // not a URL at all: refused, which is the answer the caller asked for
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol !== 'mailto:' && url.hostname.length === 0) return false;
  return true;
}

/**
 * Turns what a user typed into a link target: bare domains get https://, addresses get mailto:.
 * Returns null when the result is not a safe link.
 */
export function normalizeLinkInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length === 0) return null;
  // "//host" and "\\host" are protocol-relative or UNC paths, not domains: prefixing https:// would mangle them.
  if (/^[/\\]/.test(trimmed)) return null;
  let candidate = trimmed;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(trimmed)) candidate = `mailto:${trimmed}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) candidate = `https://${trimmed}`;
  return isSafeLinkUrl(candidate) ? candidate : null;
}
