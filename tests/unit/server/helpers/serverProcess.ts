/**
 * Runs the REAL sync server as a child process, exactly as `npm run sync-server` does after its build:
 * `node out/server/cli.mjs ...`. The bundle is built once per test run (a lock keeps parallel test files
 * from building at the same time) and rebuilt only when server/ or shared/ changed since.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
export const CLI = join(root, 'out', 'server', 'cli.mjs');
const LOCK = join(root, 'out', 'server-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = statSync(CLI).mtimeMs;
    return built >= newestMtime(join(root, 'server')) && built >= newestMtime(join(root, 'shared'));
  } catch {
    return false; // not built yet
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds out/server/cli.mjs with server/vite.config.ts unless it is newer than every source. */
export function buildServerOnce(): void {
  mkdirSync(join(root, 'out'), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK); // atomic: exactly one test file builds
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true }); // a crashed builder's lock
      sleep(100);
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(
        process.execPath,
        [
          join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '-c',
          'server/vite.config.ts',
          '--logLevel',
          'warn',
        ],
        { cwd: root, stdio: 'inherit' },
      );
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A fresh, empty data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'duet-sync-'));
}

/** Runs a CLI command to completion and returns its stdout lines. */
export function runCli(args: string[]): string[] {
  const out = execFileSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8' });
  return out.trimEnd().split('\n');
}

/** Invites a member through the CLI and returns the token (its last line). */
export function invite(dataDir: string, workspace: string, name: string, role: string, extra: string[] = []): string {
  return runCli(['invite', '--data', dataDir, '--workspace', workspace, '--name', name, '--role', role, ...extra]).at(
    -1,
  ) as string;
}

/** A running server process. */
export interface ServerProcess {
  port: number;
  url: string;
  httpUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything it wrote to stderr so far (warnings of refused connections land here). */
  stderr: () => string;
  /** Sends a signal and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node out/server/cli.mjs --port PORT --data DIR ...extra` and resolves once it listens. */
export function startServer(dataDir: string, port = 0, extra: string[] = []): Promise<ServerProcess> {
  return startServerWith(['--data', dataDir, ...extra], port, dataDir);
}

/**
 * Starts a cluster node, exactly as documented: `--port PORT --database-url URL --redis URL` (no --data).
 * Without `redisUrl` it is a single node on PostgreSQL.
 */
export function startClusterNode(databaseUrl: string, redisUrl?: string, port = 0): Promise<ServerProcess> {
  return startServerWith(['--database-url', databaseUrl, ...(redisUrl ? ['--redis', redisUrl] : [])], port, '');
}

function startServerWith(args: string[], port: number, dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, '--port', String(port), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error(`server did not start: ${stdout}${stderr}`)), 15_000);
    child.once('exit', (code) => rejectStart(new Error(`server exited with ${code} before listening: ${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on ws:\/\/([^\s:]+):(\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const listenPort = Number(match[2]);
      resolveStart({
        port: listenPort,
        url: `ws://127.0.0.1:${listenPort}`,
        httpUrl: `http://127.0.0.1:${listenPort}`,
        dataDir,
        child,
        stderr: () => stderr,
        async stop(signal: NodeJS.Signals = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}
