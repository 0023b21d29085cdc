// Serves the built renderer (out/renderer) over http for the browser client, the end-to-end tests and
// benchmarks, with the same Content-Security-Policy the desktop app sends. Usage:
//   node scripts/serveRenderer.mjs [--port 5174] [--host 127.0.0.1] [--root out/renderer]
// --root serves a copy of the build instead (the end-to-end tests do, so a rebuild cannot pull files from
// under a running suite).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../shared/security/csp.ts';

const ROOT = resolve(import.meta.dirname, '..', 'out', 'renderer');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Starts the server; resolves with its URL and a close function. */
export async function serveRenderer({ port = 0, host = '127.0.0.1', root = ROOT } = {}) {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`[serve] ${root}/index.html is missing: run "npm run build" first`);
  });
  const server = createServer(async (req, res) => {
    const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' };
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path));
      const inside = file === root || file.startsWith(root + sep);
      let target = inside && extname(file) ? file : join(root, 'index.html');
      const body = await readFile(target).catch(() => null);
      if (body === null) {
        res.writeHead(404, headers).end('Not found');
        return;
      }
      res
        .writeHead(200, { ...headers, 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(400, headers).end('Bad request');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const url = `http://${host}:${address.port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serveRenderer({
    port: Number(arg('--port', 5174)),
    host: arg('--host', '127.0.0.1'),
    root: resolve(arg('--root', ROOT)),
  });
  console.log(`[serve] Duet web client at ${url}`);
}
