/**
 * Folds SQLite's WAL into the database file from a worker thread, over a connection of its own.
 *
 * A checkpoint copies every page written since the last one and syncs the file twice; on the serving
 * process's event loop it held every connection still — 29 ms under the relay bench's load (500 updates/s
 * over 100 documents, 30 s of WAL). A PASSIVE checkpoint takes no lock a writer waits for (SQLite's WAL
 * design), so in a worker it runs beside the journal's moves instead of between two relayed updates.
 * (Before the journal, the server committed every update, and a worker's checkpoint then made those
 * commits wait: that is why it used to run on the main thread.)
 *
 * The worker's code is given as source (`eval`), so neither the server's bundle nor the desktop app's
 * needs a second entry file.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('SQLite')) return;
  console.warn(warning.name + ': ' + warning.message);
});
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', () => {
  try {
    const { log, checkpointed } = checkpoint.get();
    parentPort.postMessage({ ok: true, log, checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message ? error.message : error) });
  }
});
`;

/** What one checkpoint did: WAL frames in the log, and how many of them are now in the database file. */
export interface CheckpointReport {
  log: number;
  checkpointed: number;
}

type Reply = ({ ok: true } & CheckpointReport) | { ok: false; message: string };

/** One worker per database file, started on the first checkpoint. */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private running: Promise<CheckpointReport> | null = null;

  constructor(private readonly databasePath: string) {}

  /** Runs a PASSIVE checkpoint in the worker; while one runs, a call gets that one. */
  checkpoint(): Promise<CheckpointReport> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Waits for a running checkpoint to settle (its caller sees how) and stops the worker. */
  async close(): Promise<void> {
    await this.running?.then(
      () => undefined,
      () => undefined,
    );
    await this.worker?.terminate();
    this.worker = null;
  }

  private run(): Promise<CheckpointReport> {
    const worker = (this.worker ??= new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: this.databasePath },
    }));
    // Never what keeps a process alive: the server's close() stops it.
    worker.unref();
    return new Promise<CheckpointReport>((resolve, reject) => {
      const onError = (error: Error) => {
        this.worker = null;
        reject(error);
      };
      worker.once('error', onError);
      worker.once('message', (reply: Reply) => {
        worker.off('error', onError);
        if (reply.ok) resolve({ log: reply.log, checkpointed: reply.checkpointed });
        else reject(new Error(`[storage] checkpoint failed: ${reply.message}`));
      });
      worker.postMessage('checkpoint');
    });
  }
}
