/**
 * The one rule for links, used by the editor (what a link may point to), the main process (what
 * shell.openExternal may open) and the browser client: http, https and mailto only.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Longest URL we accept; anything longer is almost certainly an attack or a paste accident. */
export const MAX_URL_LENGTH = 2048;

/** True when `raw` parses as an absolute http(s)/mailto URL of sane length. */
export function isSafeLinkUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return false;
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
  let candidate = trimmed;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(trimmed)) candidate = `mailto:${trimmed}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) candidate = `https://${trimmed}`;
  return isSafeLinkUrl(candidate) ? candidate : null;
}
