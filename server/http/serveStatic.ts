/**
 * Serves the renderer's web build (`--web`) so a teammate can join from a browser. Only GET/HEAD, only files
 * under the root (after resolving symlinks), always with the renderer's CSP.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '@shared/security/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': RENDERER_CSP });
  res.end(text);
}

/** Answers one request from the static folder `root` (an absolute, real path). */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return end(res, 400, 'bad path');
  }
  if (pathname.includes('\0') || pathname.split('/').includes('..')) return end(res, 403, 'forbidden');
  let file = resolve(root, '.' + pathname);
  if (file !== root && !file.startsWith(root + sep)) return end(res, 403, 'forbidden');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const real = await realpath(file);
    // A symlink inside the folder must not lead outside it.
    if (!real.startsWith(root + sep)) return end(res, 403, 'forbidden');
    const info = await stat(real);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(real)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(real)
      .on('error', (error) => res.destroy(error))
      .pipe(res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return end(res, 404, 'not found');
    throw error;
  }
}
