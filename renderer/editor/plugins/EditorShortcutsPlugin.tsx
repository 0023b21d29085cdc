/**
 * The editor's own shortcuts beyond Lexical's defaults (which already give bold, italic, underline, undo,
 * redo): links, block types and "new narrative". Which keys they are is the command registry's business
 * (shared/commands); here each editor command is tied to what it does. Registered as a KEY_DOWN command so
 * they respect the editor's focus and never fire while typing elsewhere.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import type { CommandId } from '@shared/commands/commandRegistry';
import { matchesCommand, useCommand } from '../../commands';
import { applyBlockType, type BlockType } from './blockFormat';

const BLOCK_COMMANDS: [CommandId, Exclude<BlockType, 'narrative-field'>][] = [
  ['format:paragraph', 'paragraph'],
  ['format:h1', 'h1'],
  ['format:h2', 'h2'],
  ['format:h3', 'h3'],
  ['format:number', 'number'],
  ['format:bullet', 'bullet'],
  ['format:quote', 'quote'],
];

/** Props of EditorShortcutsPlugin. */
export interface EditorShortcutsPluginProps {
  onLink: () => void;
  onAddNarrative: () => void;
}

/** Registers Duet's editor shortcuts, and "New narrative" for the palette. */
export function EditorShortcutsPlugin({ onLink, onAddNarrative }: EditorShortcutsPluginProps): null {
  const [editor] = useLexicalComposerContext();
  useCommand('narrative:new', onAddNarrative);
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          let handled = true;
          const block = BLOCK_COMMANDS.find(([id]) => matchesCommand(event, id));
          if (matchesCommand(event, 'editor:link')) onLink();
          else if (matchesCommand(event, 'narrative:new')) onAddNarrative();
          else if (block) applyBlockType(editor, block[1]);
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
