/**
 * A real sync server process for end-to-end tests: built from server/ once, started on a free port with a
 * temporary data folder and the built renderer as its web client, with invites made through its CLI.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServerOnce } from '../../unit/server/helpers/serverProcess';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'out/server/cli.mjs');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** A running server with helpers to invite members and stop or restart it. */
export interface SyncServer {
  httpUrl: string;
  wsUrl: string;
  invite(workspace: string, name: string, role: 'storyteller' | 'marketing' | 'sales' | 'viewer'): string;
  /** Changes the role of the member an invite `token` was made for (the `role` command, like an admin). */
  setRole(token: string, role: 'storyteller' | 'marketing' | 'sales' | 'viewer'): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** Runs a CLI command against this server's data folder (`--data` is added) and returns its stdout lines. */
  cli(args: string[]): string[];
}

/** Builds (if needed) and starts a server. */
export async function startSyncServer(): Promise<SyncServer> {
  // The unit tests' builder: rebuilds only when server/ or shared/ changed since the last build, under a lock
  // (a stale bundle once served a document kind the working tree had added, and tests failed for no reason).
  buildServerOnce();
  const data = mkdtempSync(join(tmpdir(), 'duet-e2e-sync-'));
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const proc = spawn(
      process.execPath,
      [CLI, '--port', String(port), '--data', data, '--web', join(ROOT, 'out/renderer')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = proc;
    await new Promise<void>((ok, fail) => {
      proc.once('exit', (code) => fail(new Error(`[e2e] sync server exited early (${code})`)));
      proc.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) ok();
      });
    });
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((ok) => proc.once('exit', ok));
    proc.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    httpUrl: `http://127.0.0.1:${port}/`,
    wsUrl: `ws://127.0.0.1:${port}`,
    invite(workspace, name, role) {
      const out = execFileSync(
        process.execPath,
        [CLI, 'invite', '--data', data, '--workspace', workspace, '--name', name, '--role', role],
        {
          cwd: ROOT,
        },
      );
      return out.toString().trim().split('\n').at(-1)!.trim();
    },
    setRole(token, role) {
      const claims = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { mid: string };
      execFileSync(process.execPath, [CLI, 'role', '--data', data, '--member', claims.mid, '--role', role], {
        cwd: ROOT,
      });
    },
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(data, { recursive: true, force: true });
    },
    cli(args) {
      const out = execFileSync(process.execPath, [CLI, ...args, '--data', data], { cwd: ROOT });
      return out.toString().trimEnd().split('\n');
    },
  };
}
