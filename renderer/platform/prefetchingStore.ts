/**
 * Starts reading the documents the first screen will need while the app is still booting (the open
 * workspace's directory and its last playbook), so the storage read overlaps with rendering instead of
 * following it. Each prefetched read is handed out once; everything else passes straight through.
 */
import type { Result } from '@shared/result';
import type { DocStore, LoadedDoc, LoadOptions } from './DocStore';

/** Wraps `store`; `prefetch` reads now what `load` will be asked for soon (with the same options). */
export function prefetchingStore(store: DocStore): DocStore & {
  prefetch(docName: string, options?: LoadOptions): Promise<unknown>;
} {
  const pending = new Map<string, Promise<Result<LoadedDoc>>>();
  const key = (docName: string, options?: LoadOptions): string =>
    `${options?.validate === false ? (options.merge === false ? 'parts' : 'raw') : 'checked'}:${docName}`;
  return {
    prefetch(docName, options) {
      const k = key(docName, options);
      if (!pending.has(k)) pending.set(k, store.load(docName, options));
      return pending.get(k)!;
    },
    load(docName, options) {
      const k = key(docName, options);
      const prefetched = pending.get(k);
      pending.delete(k);
      return prefetched ?? store.load(docName, options);
    },
    // Writes invalidate a prefetched read of the same document: it would be stale.
    append(docName, update) {
      pending.delete(key(docName));
      pending.delete(key(docName, { validate: false }));
      pending.delete(key(docName, { validate: false, merge: false }));
      return store.append(docName, update);
    },
    compact: (docName) => store.compact(docName),
    setAside(docName, reason) {
      pending.delete(key(docName));
      pending.delete(key(docName, { validate: false }));
      pending.delete(key(docName, { validate: false, merge: false }));
      return store.setAside(docName, reason);
    },
    listDocs: (prefix) => store.listDocs(prefix),
    listQuarantine: () => store.listQuarantine(),
  };
}
