/**
 * Lets a dialog opened from the editor (link, note, details) give focus back with the editor's own
 * selection: focusing the root element alone would let the browser put the caret at the start of the text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerFocusReturn } from '../../ui/focusReturn';

/** Registers the editor's root with the dialogs' focus return. */
export function FocusReturnPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root) =>
        root === null ? undefined : registerFocusReturn(root, () => editor.focus()),
      ),
    [editor],
  );
  return null;
}
