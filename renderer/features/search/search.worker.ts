/**
 * The search worker: everything that costs time — reading documents, building, persisting and querying the
 * index — happens here, so typing in the editor never waits for search.
 */
import type { DocStore } from '../../platform/DocStore';
import { openIndexStore } from './indexStore';
import { SearchIndexer } from './SearchIndexer';
import type { FromWorker, ToWorker } from './searchProtocol';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const emit = (message: FromWorker): void => scope.postMessage(message);
// The search of every window of this device: each says which documents it indexed edits of, so the others
// re-read those that are not open there (no update of them reaches those windows).
const windows = typeof BroadcastChannel === 'function' ? new BroadcastChannel('duet-search') : null;
// The documents' store is needed only after the stored index is loaded (to check it against them), and its
// code (with Yjs) is loaded only then: a warm start parses and runs just the engine before it answers.
let docs: Promise<DocStore> | null = null;
const openDocs = (): Promise<DocStore> =>
  (docs ??= import('../../platform/IndexedDbDocStore').then((m) => m.openIndexedDbDocStore()));
const ready = openIndexStore().then(
  (indexStore) =>
    new SearchIndexer({
      store: { load: async (name, options) => (await openDocs()).load(name, options) },
      indexStore,
      emit,
      yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => performance.now(),
      announce: (docName) => windows?.postMessage(docName),
    }),
);

if (windows)
  windows.onmessage = (event: MessageEvent<unknown>) => {
    const docName = event.data;
    if (typeof docName === 'string') void ready.then((indexer) => indexer.storedChanged(docName)).catch(fail);
  };

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[search] the index failed', error);
  emit({ type: 'status', status: { state: 'failed', message } });
}

scope.onmessage = (event) => {
  const message = event.data;
  void ready
    .then((indexer) => {
      if (message.type === 'open') return indexer.open(message.workspaceId, message.playbooks);
      if (message.type === 'playbooks') return indexer.setPlaybooks(message.playbooks);
      if (message.type === 'update') return indexer.applyUpdate(message.docName, message.update);
      if (message.type === 'typing') return indexer.typing();
      const started = performance.now();
      const results = indexer.query(message.text);
      emit({ type: 'results', id: message.id, results, ms: performance.now() - started });
      return undefined;
    })
    .catch(fail);
};
