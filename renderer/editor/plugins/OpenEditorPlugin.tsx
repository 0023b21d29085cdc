/** Registers the editor as the one showing its document (see openEditors.ts), for as long as it is mounted. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { registerOpenEditor } from '../openEditors';

/** Lets other views read `doc`'s content from this editor instead of a headless copy. */
export function OpenEditorPlugin({ doc }: { doc: Y.Doc }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerOpenEditor(doc, editor), [doc, editor]);
  return null;
}
