/**
 * Measures the first reconcile of stored content (`duet:open:reconcile`): from the end of the Yjs → Lexical
 * binding (`duet:open:binding`, collab/measureApply.ts) until Lexical has written the narratives into the
 * DOM. Mount it before the other plugins: mutation listeners run in the order they were registered, so its
 * own runs first, before the chrome's and the outline's work in theirs. The bench's bare editor mounts it too.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { measurePhase } from '../../platform/measurePhase';
import { NarrativeNode } from '../nodes';

/** Registers the measure; renders nothing. */
export function OpenTimingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let done = false;
    return editor.registerMutationListener(
      NarrativeNode,
      () => {
        const binding = performance.getEntriesByName('duet:open:binding').at(-1);
        if (done || binding === undefined) return;
        done = true;
        measurePhase('open:reconcile', binding.startTime + binding.duration);
      },
      { skipInitialization: true },
    );
  }, [editor]);
  return null;
}
