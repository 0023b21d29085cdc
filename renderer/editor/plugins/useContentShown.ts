/**
 * Whether the playbook's content is on screen yet: true from the first frame after the editor first holds
 * content (or, for an empty document, SHOWN_AT_LATEST_MS after it mounted). Parts of the editor nobody needs
 * in the first moment of an open wait for it, so neither their code nor their work delays the text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';

/** An empty document never receives content: its deferred parts start this long after the editor mounted. */
const SHOWN_AT_LATEST_MS = 1000;

/** True once the editor's first content has been painted. */
export function useContentShown(): boolean {
  const [editor] = useLexicalComposerContext();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    let frame: number | undefined;
    let after: ReturnType<typeof setTimeout> | undefined;
    // A task queued from requestAnimationFrame runs once that frame has been produced.
    const show = (): void => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => (after = setTimeout(() => setShown(true), 0)));
    };
    const latest = setTimeout(show, SHOWN_AT_LATEST_MS);
    const unregister = editor.registerUpdateListener(({ editorState }) => {
      if (!editorState.isEmpty()) show();
    });
    return () => {
      unregister();
      clearTimeout(latest);
      clearTimeout(after);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [editor, shown]);
  return shown;
}

/** Parts whose code is in (or could not be fetched), so a later mount — another playbook — renders them at once. */
const arrived = new WeakSet<object>();

/**
 * True once the content is shown and `part`'s code is in (or could not be fetched: then the part, rendered,
 * says so or tries again by itself). Waiting for the code before rendering the part keeps what stands in
 * for it on screen until the part can replace it in the same frame.
 */
export function useShownAndLoaded(part: { preload: () => Promise<unknown> }): boolean {
  const shown = useContentShown();
  const [loaded, setLoaded] = useState(() => arrived.has(part));
  useEffect(() => {
    if (loaded || !shown) return;
    let current = true;
    void part.preload().then(() => {
      arrived.add(part);
      if (current) setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [loaded, shown, part]);
  return loaded;
}
