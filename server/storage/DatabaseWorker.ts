/**
 * The serving process's second thread for its SQLite file: over a connection of its own, it moves journaled
 * updates into the database (`insertUpdates`) and folds the WAL into the database file (`checkpoint`), so
 * neither holds the event loop that relays updates.
 *
 * A journal move (one transaction of a second's updates) took 1.5–5.5 ms on the event loop under the relay
 * bench's load (500 updates/s over 100 documents), once a second; a checkpoint 29 ms every 30 s. Both
 * stalled every connection. Here they run beside the relays: a PASSIVE checkpoint takes no lock a writer
 * waits for (SQLite's WAL design), and the serving thread writes the database itself only rarely (a large
 * update or a compaction, after `flush` has waited for the moves — see JournaledUpdates; members' and CRM
 * records). A write of its that meets a move in progress waits on SQLite's busy timeout for the move's few
 * milliseconds. The worker takes one request at a time, in the order sent.
 *
 * The worker's code is given as source (`eval`), so neither the server's bundle nor the desktop app's
 * needs a second entry file.
 */
import { Worker } from 'node:worker_threads';
import { connectionSettings, INSERT_UPDATE_SQL } from './openDatabase';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('SQLite')) return;
  console.warn(warning.name + ': ' + warning.message);
});
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec(workerData.settings);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const insert = db.prepare(workerData.insert);
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
const requests = {
  checkpoint() {
    const { log, checkpointed } = checkpoint.get();
    return { log, checkpointed };
  },
  insert({ docs, seqs, ends, bytes }) {
    begin.run();
    try {
      for (let i = 0, start = 0; i < docs.length; start = ends[i++]) insert.run(docs[i], seqs[i], bytes.subarray(start, ends[i]));
      commit.run();
    } catch (error) {
      rollback.run();
      throw error;
    }
    return {};
  },
};
parentPort.on('message', ({ id, type, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: requests[type](args) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String(error && error.message ? error.message : error) });
  }
});
`;

/**
 * Updates to insert, as the worker takes them: one buffer of every update's bytes, where each ends, and
 * each one's document and sequence number. Built as the updates are journaled (`add`, on the hot path, a
 * copy of each update's bytes) rather than when they are moved: a walk over a second's updates on the event
 * loop, once a second, ran as cold code and took 0.3–2.4 ms (measured in the relay bench's load).
 */
export class UpdateRows {
  private docs: string[] = [];
  private seqs: Float64Array<ArrayBuffer> = new Float64Array(64);
  private ends: Uint32Array<ArrayBuffer> = new Uint32Array(64);
  private bytes: Uint8Array<ArrayBuffer> = new Uint8Array(4096);
  private count = 0;
  private size = 0;

  /** The number of updates added. */
  get length(): number {
    return this.count;
  }

  /** Their bytes in all. */
  get byteLength(): number {
    return this.size;
  }

  add(docName: string, seq: number, update: Uint8Array): void {
    if (this.count === this.seqs.length) {
      this.seqs = grown(this.seqs, new Float64Array(this.count * 2));
      this.ends = grown(this.ends, new Uint32Array(this.count * 2));
    }
    if (this.size + update.length > this.bytes.length)
      this.bytes = grown(this.bytes, new Uint8Array(Math.max(this.bytes.length * 2, this.size + update.length)));
    this.bytes.set(update, this.size);
    this.size += update.length;
    this.docs.push(docName);
    this.seqs[this.count] = seq;
    this.ends[this.count++] = this.size;
  }

  /** Empties the rows, keeping their buffers for what is added next. */
  clear(): void {
    this.docs = [];
    this.count = 0;
    this.size = 0;
  }

  /** The rows in buffers of their own, exactly as long as they are. */
  copy(): {
    docs: string[];
    seqs: Float64Array<ArrayBuffer>;
    ends: Uint32Array<ArrayBuffer>;
    bytes: Uint8Array<ArrayBuffer>;
  } {
    return {
      // Not copied here: posting it to the worker copies it, and `clear` replaces it rather than emptying it.
      docs: this.docs,
      seqs: this.seqs.slice(0, this.count),
      ends: this.ends.slice(0, this.count),
      bytes: this.bytes.slice(0, this.size),
    };
  }
}

/** `into` with `from`'s contents at its start. */
function grown<T extends Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(
  from: T,
  into: T,
): T {
  into.set(from);
  return into;
}

/** What one checkpoint did: WAL frames in the log, and how many of them are now in the database file. */
export interface CheckpointReport {
  log: number;
  checkpointed: number;
}

type Reply = { id: number } & ({ ok: true; result: unknown } | { ok: false; message: string });

interface Request {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** One worker per database file, started on the first request. */
export class DatabaseWorker {
  private worker: Worker | null = null;
  private readonly requests = new Map<number, Request>();
  /** Every request not yet answered, as its caller sees it (for `close`). */
  private readonly unanswered = new Set<Promise<unknown>>();
  private nextId = 1;
  private checkpointing: Promise<CheckpointReport> | null = null;

  /** `fsync`: the worker's commits are flushed to the disk, as the serving connection's are (openDatabase). */
  constructor(
    private readonly databasePath: string,
    private readonly fsync = false,
  ) {}

  /** Runs a PASSIVE checkpoint in the worker; while one runs, a call gets that one. */
  checkpoint(): Promise<CheckpointReport> {
    this.checkpointing ??= this.request<CheckpointReport>('checkpoint', {}, 'checkpoint failed').finally(
      () => (this.checkpointing = null),
    );
    return this.checkpointing;
  }

  /** Inserts `rows` (UpdateRows) in one transaction; resolves once it is committed. */
  insertUpdates(rows: UpdateRows): Promise<void> {
    // Exact copies (a memcpy each), handed over rather than copied again: `rows` stays as it is, to be
    // sent again if this move fails.
    const { docs, seqs, ends, bytes } = rows.copy();
    return this.request<unknown>('insert', { docs, seqs, ends, bytes }, 'moving the journal failed', [
      seqs.buffer,
      ends.buffer,
      bytes.buffer,
    ]).then(() => undefined);
  }

  /** Waits for every request sent to settle (their callers see how) and stops the worker. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.unanswered]);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private request<T>(type: string, args: object, failure: string, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.started();
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.requests.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, type, args }, transfer);
    }).catch((error: unknown) => {
      throw new Error(`[storage] ${failure}: ${(error as Error).message}`, { cause: error });
    });
    this.unanswered.add(answer);
    const forget = () => void this.unanswered.delete(answer);
    answer.then(forget, forget);
    return answer;
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        path: this.databasePath,
        settings: connectionSettings({ fsync: this.fsync }),
        insert: INSERT_UPDATE_SQL,
      },
    });
    // Never what keeps a process alive: the store's close() stops it.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const request = this.requests.get(reply.id);
      this.requests.delete(reply.id);
      if (reply.ok) request?.resolve(reply.result);
      else request?.reject(new Error(reply.message));
    });
    // The worker died (it could not open the database, or ran out of memory): whatever it was asked fails,
    // and the next request starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const request of this.requests.values()) request.reject(error);
      this.requests.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the database worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
