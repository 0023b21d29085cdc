/**
 * The Needs review worker. The scan decodes every playbook of the workspace, reads its narratives headlessly
 * and its deal log — seconds of work for a company's workspace. On the page that was one long task a few
 * seconds after start, felt as a freeze by whoever was typing; here it costs the page nothing.
 */
import { openIndexedDbDocStore } from '../../platform/IndexedDbDocStore';
import type { ScanReply, ScanRequest } from './needsReviewProtocol';
import { scanNeedsReview } from './scanNeedsReview';

const scope = self as unknown as {
  postMessage(message: ScanReply): void;
  onmessage: ((event: MessageEvent<ScanRequest>) => void) | null;
};

// The same database the app writes to (App.tsx opens it by the same default name); the app flushes its
// pending writes before it asks for a scan.
const docs = openIndexedDbDocStore();

scope.onmessage = ({ data: { id, workspaceId, playbooks, today } }) => {
  docs
    .then((store) => scanNeedsReview(store, workspaceId, playbooks, today))
    .then(
      (scan) => scope.postMessage({ id, ok: true, scan }),
      (error: unknown) =>
        scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
};
