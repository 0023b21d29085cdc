/**
 * Remembers the playbook as it stood before this person's first edit since it was opened. The daily
 * version ("the words as they stood before that day's edits", features/versions) is taken by a plugin that
 * loads after the text is shown, with the versions document: an edit made before then would otherwise be
 * missed, or folded into the version meant to precede it. One listener until the first own edit, then none.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState, LexicalEditor, UpdateListener } from 'lexical';
import { useEffect } from 'react';

const beforeFirstEdit = new WeakMap<LexicalEditor, EditorState>();

/**
 * Whether an editor update is this person's own edit: remote changes and undo/redo arrive tagged, and an
 * update that dirtied nothing (a selection move) is no edit.
 */
export function isOwnEdit({ tags, dirtyElements, dirtyLeaves }: Parameters<UpdateListener>[0]): boolean {
  return !tags.has('collaboration') && !tags.has('historic') && (dirtyElements.size > 0 || dirtyLeaves.size > 0);
}

/** The editor's state just before this person's first own edit since it opened; null before any edit. */
export function stateBeforeFirstOwnEdit(editor: LexicalEditor): EditorState | null {
  return beforeFirstEdit.get(editor) ?? null;
}

/** Registers the recorder; renders nothing. */
export function FirstOwnEditPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (beforeFirstEdit.has(editor)) return;
    const unregister = editor.registerUpdateListener((update) => {
      if (!isOwnEdit(update)) return;
      beforeFirstEdit.set(editor, update.prevEditorState);
      unregister();
    });
    return unregister;
  }, [editor]);
  return null;
}
