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
import { COMMAND_PRIORITY_LOW, SELECT_ALL_COMMAND } from 'lexical';
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

/** Keys that alone change nothing (a modifier pressed again after a held Ctrl/⌘+A is not the writer acting). */
const MODIFIERS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph', 'CapsLock']);

/**
 * Until the stepwise select-all (NarrativeSelectAllPlugin, in the input plugins) is mounted, Ctrl/⌘+A is
 * held: Lexical's own would select every narrative, and the next key typed would replace the whole
 * playbook. When the plugin is in (milliseconds later, usually from disk) a held press is replayed through
 * it, unless the writer did anything meanwhile (another key, a click, a drop, a paste — in the editor or not), since a
 * selection appearing then would put a block under a keystroke the writer did not aim at it. What others do
 * (a teammate's edit arriving, the narratives' chrome filling in, the caret of the click landing a moment
 * late) changes the editor state but not what the writer asked for, so it keeps the press.
 */
function useSelectAllGuard(active: boolean): void {
  const [editor] = useLexicalComposerContext();
  const held = useRef<HeldPress | null>(null);
  useEffect(() => {
    if (active) {
      const unregister = editor.registerCommand(
        SELECT_ALL_COMMAND,
        (event) => {
          release(held);
          held.current = holdPress(event, editor.getRootElement()?.ownerDocument ?? document, () => release(held));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      );
      // A press still held stays for the replay below (this cleanup runs when the input plugins arrive).
      return unregister;
    }
    // The input plugins' effects ran before this one (children first), so the replay reaches them.
    const press = release(held);
    if (press) editor.dispatchCommand(SELECT_ALL_COMMAND, press);
    return undefined;
  }, [editor, active]);
  // The editor going away (another playbook) takes a press held for it along.
  useEffect(() => () => void release(held), [editor]);
}

/** A held Ctrl/⌘+A, and how to stop listening for what would cancel it. */
interface HeldPress {
  event: KeyboardEvent;
  dispose: () => void;
}

/** What the writer does that cancels a held press (anywhere in the window). */
const CANCELLING = ['keydown', 'pointerdown', 'beforeinput', 'drop', 'paste'] as const;

/** Holds `event` until `cancel` is called by the writer's next input in `doc` (a modifier alone is not one). */
function holdPress(event: KeyboardEvent, doc: Document, cancel: () => void): HeldPress {
  const onInput = (e: Event): void => {
    if (e !== event && !(e instanceof KeyboardEvent && MODIFIERS.has(e.key))) cancel();
  };
  for (const kind of CANCELLING) doc.addEventListener(kind, onInput, true);
  return { event, dispose: () => CANCELLING.forEach((kind) => doc.removeEventListener(kind, onInput, true)) };
}

/** Stops holding the press in `held` (if any) and returns it. */
function release(held: { current: HeldPress | null }): KeyboardEvent | null {
  const press = held.current;
  held.current = null;
  press?.dispose();
  return press?.event ?? null;
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
