/**
 * The editor's plugins that only answer a person's input: select all within a narrative, the editor's own
 * shortcuts (links, block types, new narrative), Ctrl/⌘-click on a link, focus given back by dialogs — and
 * the Yjs binding's per-edit work made proportional to the edit (syncChangedSubtreesOnly.ts).
 * Mounted with the deferred plugins once the text is shown (DeferredPlugins.tsx): until then there is nothing
 * to select, click or type in, so their code need not stand between a returning user and the text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { syncChangedSubtreesOnly } from '../syncChangedSubtreesOnly';
import { EditorShortcutsPlugin } from './EditorShortcutsPlugin';
import { FocusReturnPlugin } from './FocusReturnPlugin';
import { LinkOpenPlugin } from './LinkOpenPlugin';
import { NarrativeSelectAllPlugin } from './NarrativeSelectAllPlugin';

/** Props of InteractionPlugins. */
export interface InteractionPluginsProps {
  /** False for people who may read but not edit the playbook (no editing shortcuts then). */
  editable: boolean;
  /** Opens the link dialog. */
  onLink: () => void;
  /** Adds a narrative after the selection. */
  onAddNarrative: () => void;
}

/** Registers the input plugins; renders nothing visible. */
export function InteractionPlugins({ editable, onLink, onAddNarrative }: InteractionPluginsProps) {
  const [editor] = useLexicalComposerContext();
  // Typing then costs the binding the edited paragraph's branch, not a walk over the whole playbook.
  useEffect(() => {
    if (!syncChangedSubtreesOnly(editor)) console.warn('[editor] this Lexical binding has no _syncChildFromLexical');
  }, [editor]);
  return (
    <>
      <NarrativeSelectAllPlugin />
      {editable && <EditorShortcutsPlugin onLink={onLink} onAddNarrative={onAddNarrative} />}
      <LinkOpenPlugin />
      <FocusReturnPlugin />
    </>
  );
}
