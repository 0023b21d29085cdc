/**
 * Worker side of decodeInWorker.ts: decodes the file it is given and reports the result and how long decoding
 * took. For an accepted document it also reports how many clients wrote to it (0 means it carries no content).
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { decodeWorkspaceFile } from '../../../../shared/format/workspaceFile';

function writers(update: Uint8Array): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.store.clients.size;
}

const started = performance.now();
const result = decodeWorkspaceFile(workerData as Uint8Array);
const ms = performance.now() - started;
parentPort!.postMessage(
  result.ok
    ? { ms, ok: true, docs: [...result.value.docs].map(([name, bytes]) => [name, writers(bytes)]) }
    : { ms, ok: false, error: result.error },
);
