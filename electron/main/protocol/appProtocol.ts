/**
 * The app:// protocol: serves the renderer build from disk at app://duet/… instead of file://, so the page
 * has a real, stable origin (storage is keyed by it), a CSP header on every response, and no file access.
 */
import type { CustomScheme } from 'electron';
import { APP_SCHEME, RENDERER_CSP } from '@shared/security/csp';
import { describeSystemError, isSystemError } from '../systemError';
import { resolveAppRequest } from './resolveAppRequest';

/**
 * Registered before app ready. `standard` gives real origins and relative URLs, `secure` makes it a secure
 * context, `supportFetchAPI` lets the page fetch its own assets; CORS stays off because nothing else may
 * read from it, and `stream` lets large responses flow without buffering. `codeCache` keeps V8's compiled
 * code of the app's scripts between starts (Chromium does so only for http(s) unless a scheme asks): on a
 * 2-core machine parsing and compiling the ~800 kB the first screen needs is most of a cold start's script
 * time. The chunks' names carry their content hash, and V8 checks the source of a cached entry anyway.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
    codeCache: true,
  },
} as const satisfies CustomScheme;

/** The subset of a fetch Request the handler reads. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** What the handler needs: where the build is, and how to read a file (fs.promises.readFile). */
export interface AppProtocolOptions {
  rootDir: string;
  // ArrayBuffer-backed (as fs returns it), which is what a Response body accepts under every lib typing.
  readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
}

/** Headers on every response, errors included, so no path serves a page without the policy. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** Builds the handler given to `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolution = resolveAppRequest(request.url, options.rootDir);
    if (!resolution.ok) {
      if (resolution.status === 403) console.warn(`[protocol] refused ${request.url.slice(0, 200)}`);
      return textResponse(resolution.status, resolution.status === 403 ? 'Forbidden' : 'Not found');
    }
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await options.readFile(resolution.filePath);
    } catch (error) {
      if (!isSystemError(error)) throw error;
      if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR') {
        return textResponse(404, 'Not found');
      }
      console.error(`[protocol] could not read ${resolution.filePath}: ${describeSystemError(error)}`);
      return textResponse(500, 'Could not read the file');
    }
    const headers = securityHeaders(resolution.contentType);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}
