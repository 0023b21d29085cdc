/**
 * A real Duet sync server for the benchmarks: built from server/ (as `npm run sync-server` does), started as
 * its own process on a free loopback port with a fresh data folder, with invite tokens minted by its CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnUntil } from './services.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The built sync server's command line (`buildSyncServer`). */
export const CLI = join(ROOT, 'out', 'server', 'cli.mjs');

/** An invite token minted by the CLI for `role` in workspace `bench` (or `workspace`) of the store `where`. */
export function mintInvite(where, role, workspace = 'bench') {
  return execFileSync(
    process.execPath,
    [CLI, 'invite', ...where, '--workspace', workspace, '--name', role, '--role', role],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .at(-1);
}

/** Builds out/server/cli.mjs. */
export function buildSyncServer() {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '-c',
      'server/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/**
 * Starts the server; `allowOrigin` lets a bench page on that origin connect.
 * @returns {Promise<{ url: string, data: string, token: (role: string) => string, stop: () => Promise<void> }>}
 */
export async function startSyncServer({ workspace, allowOrigin }) {
  const data = mkdtempSync(join(tmpdir(), 'duet-bench-company-'));
  const token = (role) => mintInvite(['--data', data], role, workspace);
  const { child, match } = await spawnUntil(
    [CLI, '--port', '0', '--data', data, '--allow-origin', allowOrigin],
    /listening on ws:\/\/[^:]+:(\d+)/,
    { cwd: ROOT },
  );
  const port = Number(match[1]);
  return {
    url: `ws://127.0.0.1:${port}`,
    data,
    token,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}
