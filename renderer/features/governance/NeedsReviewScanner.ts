/**
 * Runs the Needs review scan off the page: in a worker where the browser has them (the app, the browser
 * client), in the page otherwise (tests in a DOM-less runner). The worker starts on the first scan and
 * stops with the workspace.
 */
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { DocStore } from '../../platform/DocStore';
import type { ScanReply, ScanRequest } from './needsReviewProtocol';
import { scanNeedsReview, type NeedsReviewScan } from './scanNeedsReview';

/** The worker's side as the scanner needs it (a real Worker, or a stand-in in tests). */
export interface ScanPort {
  postMessage(message: ScanRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ScanReply>) => void): void;
  terminate(): void;
}

/** Scans a workspace's playbooks for the Needs review list. */
export interface NeedsReviewScanner {
  scan(workspaceId: string, playbooks: readonly PlaybookMeta[], today: string): Promise<NeedsReviewScan>;
  /** Stops the worker; scans still waiting reject. */
  dispose(): void;
}

/** Starts the bundled worker. */
function startScanWorker(): ScanPort {
  return new Worker(new URL('./needsReview.worker.ts', import.meta.url), { type: 'module', name: 'duet-needs-review' });
}

/**
 * A scanner that reads through `store` in the page when `start` is null (no Worker in this environment);
 * otherwise the worker reads the same IndexedDB database the store writes to.
 */
export function needsReviewScanner(
  store: DocStore,
  start: (() => ScanPort) | null = typeof Worker === 'function' ? startScanWorker : null,
): NeedsReviewScanner {
  if (start === null)
    return {
      scan: (workspaceId, playbooks, today) => scanNeedsReview(store, workspaceId, playbooks, today),
      dispose: () => {},
    };
  let port: ScanPort | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (scan: NeedsReviewScan) => void; reject: (error: Error) => void }>();
  const receive = ({ data }: MessageEvent<ScanReply>): void => {
    const pending = waiting.get(data.id);
    if (!pending) return;
    waiting.delete(data.id);
    if (data.ok) pending.resolve(data.scan);
    else pending.reject(new Error(data.message));
  };
  return {
    scan(workspaceId, playbooks, today) {
      if (port === null) {
        port = start();
        port.addEventListener('message', receive);
      }
      const id = nextId++;
      const request: ScanRequest = { id, workspaceId, playbooks: [...playbooks], today };
      const reply = new Promise<NeedsReviewScan>((resolve, reject) => waiting.set(id, { resolve, reject }));
      port.postMessage(request);
      return reply;
    },
    dispose() {
      port?.terminate();
      port = null;
      for (const pending of waiting.values()) pending.reject(new Error('[governance] the workspace was closed'));
      waiting.clear();
    },
  };
}
