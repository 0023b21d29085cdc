/**
 * Maps an app://duet/… URL to a file inside the renderer build, or to the status to answer with. This is
 * the whole filesystem exposure of the protocol, so it refuses anything that is not plainly a relative path:
 * dot segments (raw or percent-encoded), encoded slashes, backslashes, NUL, drive letters and other hosts.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '@shared/security/csp';
import { contentTypeFor } from './contentType';

/** A file to serve, or a status to answer with. */
export type AppRequestResolution =
  { ok: true; filePath: string; contentType: string } | { ok: false; status: 403 | 404 };

/** The page every route without a file extension gets, so client-side routes survive a reload. */
export const INDEX_FILE = 'index.html';

/** Longest request URL we look at; the build has no path anywhere near this long. */
const MAX_REQUEST_URL_LENGTH = 8 * 1024;

/** Characters that never appear in a file name Vite emits but do appear in path tricks on some OS. */
const FORBIDDEN_IN_SEGMENT = /[\\/:\0*?"<>|]/;

/** Resolves `rawUrl` against `rootDir` (the absolute path of out/renderer). */
export function resolveAppRequest(rawUrl: unknown, rootDir: string): AppRequestResolution {
  if (!isAbsolute(rootDir)) throw new Error(`[protocol] renderer root must be absolute: ${rootDir}`);
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_REQUEST_URL_LENGTH) return { ok: false, status: 403 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 403 }; // not a URL: nothing to serve
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403 };
  }

  const segments = decodeSegments(url.pathname);
  if (segments === null) return { ok: false, status: 403 };
  const last = segments.at(-1);
  // No extension means a route of the single-page app, not a file: it gets index.html.
  if (last === undefined || !last.includes('.')) return serve(join(rootDir, INDEX_FILE));

  const filePath = join(rootDir, ...segments);
  // Defence in depth: after all the checks above this cannot fail, but a path outside the root must never be served.
  const inside = relative(rootDir, filePath);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403 };
  }
  return serve(filePath);
}

function serve(filePath: string): AppRequestResolution {
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}

/**
 * Splits a URL path into decoded segments, dropping empty ones ("//"). Returns null when any segment is a
 * dot segment or decodes to something that could change directories. Decoding happens exactly once, so
 * "%252e%252e" stays the harmless literal name "%2e%2e".
 */
function decodeSegments(pathname: string): string[] | null {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) return null;
    // A leading ".." with trailing dots or spaces is a parent directory on Windows ("..." or ".. ").
    if (/^\.\.[.\s]*$/.test(segment)) return null;
    out.push(segment);
  }
  return out;
}
