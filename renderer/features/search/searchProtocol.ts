/** Messages between the app and its search worker (structured-cloned; no functions, no Y.Docs). */
import type { SearchResults } from '@shared/search/SearchEngine';

/** A playbook as the directory lists it: enough to index its title and find its documents. */
export interface IndexedPlaybook {
  id: string;
  title: string;
}

/** App → worker. */
export type ToWorker =
  | { type: 'open'; workspaceId: string; playbooks: IndexedPlaybook[] }
  | { type: 'playbooks'; playbooks: IndexedPlaybook[] }
  /** A Yjs update of an open document (playbook or notes), as the app's Y.Doc emitted it. */
  | { type: 'update'; docName: string; update: Uint8Array }
  | { type: 'query'; id: number; text: string }
  /** Someone is typing in the editor: a build stands still until they pause (sent at most every 250 ms). */
  | { type: 'typing' };

/** What the index is doing, for the palette's progress line. */
export type IndexStatus =
  | { state: 'loading' }
  /** Building from the documents on this device: `done` of `total` documents read. */
  | { state: 'building'; done: number; total: number; records: number }
  /**
   * Ready; `source` says whether it was loaded from this device or built now, `ms` how long that took.
   * `checked` turns true once every document was compared with what the index was built from.
   */
  | { state: 'ready'; records: number; source: 'stored' | 'built'; ms: number; checked: boolean }
  | { state: 'failed'; message: string };

/** Worker → app. */
export type FromWorker =
  | { type: 'status'; status: IndexStatus }
  | { type: 'results'; id: number; results: SearchResults; ms: number }
  /** Every update received so far has been indexed (tests and benchmarks wait for this). */
  | { type: 'indexed'; docName: string };
