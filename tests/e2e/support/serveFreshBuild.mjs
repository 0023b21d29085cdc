/* global process, console -- a Node script; the lint config gives tests/ Node globals for .ts files only */
// The end-to-end tests' web server: builds the renderer from the working tree, takes a private copy of the
// build and serves that copy through scripts/serveRenderer.mjs (the app's CSP and all). The copy means a
// rebuild by someone else — another suite, a dev build — cannot pull files from under a running suite.
// Usage: node tests/e2e/support/serveFreshBuild.mjs --port 5287 [--no-build]
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveRenderer } from '../../../scripts/serveRenderer.mjs';

const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : 5287);
const snapshot = join(PROJECT_ROOT, 'test-results', `e2e-renderer-${port}`);

if (!process.argv.includes('--no-build')) {
  const electronVite = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    // React's profiling build and the app's commit probes (renderer/ui/profiled.tsx), for renderScope.spec.ts.
    env: { ...process.env, DUET_PROFILING: '1' },
  });
}
rmSync(snapshot, { recursive: true, force: true });
cpSync(join(PROJECT_ROOT, 'out', 'renderer'), snapshot, { recursive: true });
const { url } = await serveRenderer({ port, root: snapshot });
console.log(`[e2e] serving a copy of the fresh build at ${url}`);
