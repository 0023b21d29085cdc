/**
 * A value read from a shared document, followed while mounted: the document is opened (the workspace
 * ref-counts it), read, read again on each change, and closed on unmount or when the source changes. Until
 * it is open — and while there is no source — the value is `empty`.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Result } from '@shared/result';

/** Where the document comes from; memoize it — a new source reopens. `key` names it in logs. */
export interface DocSource {
  key: string;
  open: () => Promise<Result<{ doc: Y.Doc }>>;
  close: () => Promise<void>;
}

/** Reads the value now and on every change; returns the disposer. Keep it stable (module level). */
export type FollowDoc<T> = (doc: Y.Doc, set: (value: T) => void) => () => void;

/** The followed value of `source` (null: none). */
export function useDocValue<T>(source: DocSource | null, follow: FollowDoc<T>, empty: T): T {
  const [value, setValue] = useState<T>(empty);
  // The reader and the empty value never reopen the document; only the source does.
  const latest = useRef({ follow, empty });
  latest.current = { follow, empty };
  useEffect(() => {
    if (source === null) return;
    const { follow: read, empty: none } = latest.current;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    void source.open().then((result) => {
      if (!result.ok) return console.error(`[collab] cannot open ${source.key}`, result.error.message);
      if (!cancelled) dispose = read(result.value.doc, setValue);
    });
    return () => {
      cancelled = true;
      dispose?.();
      setValue(none);
      void source.close();
    };
  }, [source]);
  return value;
}
