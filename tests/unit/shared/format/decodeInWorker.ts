/**
 * Runs `decodeWorkspaceFile` (see decodeWorkerEntry.ts) in a worker thread, so a decoder that loops forever
 * fails a test instead of freezing the test runner: a synchronous hang cannot be interrupted from its own thread.
 * The entry is bundled once with rolldown (Vite's bundler), because a worker cannot load TypeScript via Vitest.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rolldown } from 'rolldown';

const ENTRY = resolve(import.meta.dirname, 'decodeWorkerEntry.ts');

/** What the worker reports: how long decoding took and what it returned (per document, its writer count). */
export type WorkerOutcome =
  | { ms: number; ok: true; docs: [string, number][] }
  | { ms: number; ok: false; error: { code: string; message: string } }
  | { hung: true };

let bundled: Promise<{ file: string; dir: string }> | null = null;

function bundle(): Promise<{ file: string; dir: string }> {
  bundled ??= (async () => {
    const build = await rolldown({ input: ENTRY, platform: 'node', logLevel: 'silent' });
    const { output } = await build.generate({ format: 'esm' });
    await build.close();
    const dir = await mkdtemp(join(tmpdir(), 'duet-decode-'));
    const file = join(dir, 'decode.mjs');
    await writeFile(file, output[0].code);
    return { file, dir };
  })();
  return bundled;
}

/** Decodes `bytes` in a fresh worker; reports `{ hung: true }` when it has not answered after `limitMs`. */
export async function decodeInWorker(bytes: Uint8Array, limitMs: number): Promise<WorkerOutcome> {
  const { file } = await bundle();
  const worker = new Worker(file, { workerData: bytes, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<WorkerOutcome>((resolveOutcome, reject) => {
      timer = setTimeout(() => resolveOutcome({ hung: true }), limitMs);
      worker.once('message', (message: WorkerOutcome) => resolveOutcome(message));
      worker.once('error', reject);
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

/** Removes the bundle written by `decodeInWorker`. */
export async function removeWorkerBundle(): Promise<void> {
  if (bundled === null) return;
  const { dir } = await bundled;
  bundled = null;
  await rm(dir, { recursive: true, force: true });
}
