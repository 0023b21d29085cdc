/**
 * A real Duet sync server for the benchmarks: built from server/ (as `npm run sync-server` does), started as
 * its own process on a free loopback port with a fresh data folder, with invite tokens minted by its CLI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'out', 'server', 'cli.mjs');

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
  const token = (role) =>
    execFileSync(
      process.execPath,
      [CLI, 'invite', '--data', data, '--workspace', workspace, '--name', role, '--role', role],
      {
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n')
      .at(-1);
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', data, '--allow-origin', allowOrigin], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on ws:\/\/[^:]+:(\d+)/.exec(out);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`[bench] sync server exited ${code}: ${out}`)));
  });
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
