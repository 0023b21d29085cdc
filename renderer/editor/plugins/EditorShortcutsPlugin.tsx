/**
 * Keyboard shortcuts beyond Lexical's defaults (which already give bold, italic, underline, undo, redo):
 * links, block types and "new narrative". Registered as a KEY_DOWN command so they respect the editor's
 * focus and never fire while typing elsewhere.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { IS_MAC } from '../../platform/browserShortcuts';
import { applyBlockType, type BlockType } from './blockFormat';

const BLOCK_KEYS: Record<string, Exclude<BlockType, 'narrative-field'>> = {
  Digit0: 'paragraph',
  Digit1: 'h1',
  Digit2: 'h2',
  Digit3: 'h3',
};

/** Props of EditorShortcutsPlugin. */
export interface EditorShortcutsPluginProps {
  onLink: () => void;
  onAddNarrative: () => void;
}

/** Registers Duet's editor shortcuts. */
export function EditorShortcutsPlugin({ onLink, onAddNarrative }: EditorShortcutsPluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const mod = IS_MAC ? event.metaKey : event.ctrlKey;
          if (!mod) return false;
          let handled = true;
          if (event.code === 'KeyK' && !event.shiftKey && !event.altKey) onLink();
          else if (event.key === 'Enter' && event.shiftKey) {
            onAddNarrative();
          } else if (event.altKey && BLOCK_KEYS[event.code]) applyBlockType(editor, BLOCK_KEYS[event.code]!);
          else if (event.shiftKey && event.code === 'Digit7') applyBlockType(editor, 'number');
          else if (event.shiftKey && event.code === 'Digit8') applyBlockType(editor, 'bullet');
          else if (event.shiftKey && event.code === 'Digit9') applyBlockType(editor, 'quote');
          else handled = false;
          if (handled) event.preventDefault();
          return handled;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, onLink, onAddNarrative],
  );
  return null;
}
