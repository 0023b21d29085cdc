/**
 * Parts of the editor nobody needs in the first moment of an open load once the playbook's content is on
 * screen, so the script a returning user waits for before the text shows does not include them: the Markdown
 * typing shortcuts (with @lexical/markdown and the code highlighter it brings, ~20 kB), the plugins that
 * answer input (InteractionPlugins.tsx: select all, the editor's shortcuts, link clicks), each narrative's
 * chrome (its header of status, persona, stage and owner, its proof points, the details dialog) and the
 * outline. The chrome and the outline already rendered in a transition after the text; now their code arrives
 * in that moment too (usually from disk, in a few milliseconds).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, SELECT_ALL_COMMAND, type EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import { lazyPart } from '../../ui/lazyPart';
import { preloadNarrativeOps } from '../narrativeOpsOnDemand';
import type { InteractionPluginsProps } from './InteractionPlugins';
import type { NarrativeChromePluginProps } from './NarrativeChromePlugin';
import { useContentShown, useShownAndLoaded } from './useContentShown';

const MarkdownShortcuts = lazyPart(() => import('./MarkdownShortcuts'), 'MarkdownShortcuts', {
  label: 'Loading the Markdown shortcuts…',
  shape: 'quiet',
});

const InteractionPlugins = lazyPart(() => import('./InteractionPlugins'), 'InteractionPlugins', {
  label: 'Loading the editor’s shortcuts…',
  shape: 'quiet',
});

const NarrativeChromePlugin = lazyPart(() => import('./NarrativeChromePlugin'), 'NarrativeChromePlugin', {
  label: 'Loading the narratives’ details…',
  shape: 'quiet',
});

const OutlinePanel = lazyPart(() => import('./OutlinePanel'), 'OutlinePanel', {
  label: 'Loading the outline…',
  shape: 'quiet',
});

/**
 * Until the stepwise select-all (NarrativeSelectAllPlugin, in the input plugins) is mounted, Ctrl/⌘+A is
 * held: Lexical's own would select every narrative, and the next key typed would replace the whole
 * playbook. When the plugin is in (milliseconds later, usually from disk) a held press is replayed through
 * it, unless the writer changed anything meanwhile (typed or clicked: the editor state is another one), since
 * a selection appearing then would put a block under a keystroke the writer did not aim at it.
 */
function useSelectAllGuard(active: boolean): void {
  const [editor] = useLexicalComposerContext();
  const held = useRef<[EditorState, KeyboardEvent] | null>(null);
  useEffect(() => {
    if (active) {
      return editor.registerCommand(
        SELECT_ALL_COMMAND,
        (event) => {
          held.current = [editor.getEditorState(), event];
          return true;
        },
        COMMAND_PRIORITY_LOW,
      );
    }
    // The input plugins' effects ran before this one (children first), so the replay reaches them.
    const press = held.current;
    held.current = null;
    if (press?.[0] === editor.getEditorState()) editor.dispatchCommand(SELECT_ALL_COMMAND, press[1]);
    return undefined;
  }, [editor, active]);
}

/**
 * Mounts the Markdown shortcuts and the input plugins once the content is shown; renders nothing visible. The
 * input plugins, once their code is in, mount with the editor itself (another playbook opened), so a click and
 * Ctrl+A right after a switch are theirs.
 */
export function DeferredPlugins(props: InteractionPluginsProps) {
  const shown = useContentShown();
  const inputReady = useShownAndLoaded(InteractionPlugins);
  useSelectAllGuard(!inputReady);
  // Beside the input plugins, not after them: "+ Narrative" waits for these operations.
  useEffect(() => {
    if (shown) void preloadNarrativeOps();
  }, [shown]);
  return (
    <>
      {shown && <MarkdownShortcuts />}
      {inputReady && <InteractionPlugins {...props} />}
    </>
  );
}

/** The narratives' chrome, once the content is shown (it fills slots the sections keep for it). */
export function DeferredNarrativeChrome(props: NarrativeChromePluginProps) {
  return useShownAndLoaded(NarrativeChromePlugin) ? <NarrativeChromePlugin {...props} /> : null;
}

/** The outline panel, once the content is shown; its empty frame until then, so the layout does not move. */
export function DeferredOutline({ editable }: { editable: boolean }) {
  return useShownAndLoaded(OutlinePanel) ? (
    <OutlinePanel editable={editable} />
  ) : (
    <aside className="outline" aria-label="Outline" aria-busy="true" />
  );
}
