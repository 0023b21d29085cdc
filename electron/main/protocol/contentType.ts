/**
 * Content types of what the renderer build contains. Responses are sent with `nosniff`, so a wrong type
 * would break loading instead of being guessed around: every extension Vite emits is listed.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Fallback for unknown extensions: with nosniff, the browser will not execute or render it as anything. */
export const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';

/** The Content-Type for a file name, chosen by its (case-insensitive) extension. */
export function contentTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return UNKNOWN_CONTENT_TYPE;
  return CONTENT_TYPES[fileName.slice(dot).toLowerCase()] ?? UNKNOWN_CONTENT_TYPE;
}
