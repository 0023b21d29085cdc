/**
 * One loopback server for the app (a snapshot of out/renderer at /) and the bench pages (out/bench at
 * /bench/). They must share an origin: the seed page writes the very IndexedDB the app then reads. Every response carries the
 * app's real Content-Security-Policy, so the app runs under the constraints it ships with and the bench
 * pages are held to the same rules. Nothing is cacheable, so every navigation fetches like a cold start
 * would; V8's code cache still warms up across runs, which is why each benchmark discards a warm-up run.
 */
import { createServer } from 'node:http';
import { cp, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../shared/security/csp.ts';

const OUT = resolve(import.meta.dirname, '..', '..', 'out');
const BENCH_ROOT = join(OUT, 'bench');
const APP_ROOT = join(BENCH_ROOT, 'app');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Maps a URL path to a file under one of the two roots, or null when it would escape it. */
function fileFor(pathname) {
  const [root, rest] = pathname.startsWith('/bench/')
    ? [BENCH_ROOT, pathname.slice('/bench'.length)]
    : [APP_ROOT, pathname];
  const file = normalize(join(root, rest));
  if (file !== root && !file.startsWith(root + sep)) return null;
  // Like scripts/serveRenderer.mjs: paths without an extension are app routes and get the app's index.html.
  return extname(file) ? file : join(root, 'index.html');
}

/**
 * Copies the built app (out/renderer) to out/bench/app and serves that copy: other work in the repo may
 * rebuild out/renderer while the benchmarks run, and a build empties the folder and renames its bundle.
 * The copy is checked against its index.html, so a copy taken mid-build is refused instead of measured.
 */
export async function snapshotApp() {
  await rm(APP_ROOT, { recursive: true, force: true });
  await cp(join(OUT, 'renderer'), APP_ROOT, { recursive: true });
  const html = await readFile(join(APP_ROOT, 'index.html'), 'utf8');
  for (const [, asset] of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) {
    await stat(join(APP_ROOT, asset)).catch(() => {
      throw new Error(`[bench] out/renderer changed while it was copied (${asset} is missing): run again`);
    });
  }
}

/**
 * Starts the server on 127.0.0.1 (a free port unless given).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveBench({ port = 0 } = {}) {
  for (const page of [join(APP_ROOT, 'index.html'), join(BENCH_ROOT, 'seed.html')]) {
    await stat(page).catch(() => {
      throw new Error(`[bench] ${page} is missing: the app or the bench pages were not built`);
    });
  }
  const server = createServer(async (req, res) => {
    const headers = { 'Content-Security-Policy': RENDERER_CSP, 'Cache-Control': 'no-store' };
    const file = fileFor(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const body = file && (await readFile(file).catch(() => null));
    if (!body) return void res.writeHead(404, headers).end('Not found');
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}
