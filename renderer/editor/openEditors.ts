/**
 * The editors showing a playbook document right now. Views that need an open playbook's content — the
 * review's narrative list, the deal form, the deck builder — read it from the editor's state, which the
 * binding keeps current, instead of building a second, headless editor from the Y.Doc: that costs about as
 * much as opening the playbook again (a whole Yjs → Lexical sync) every time the review opens.
 */
import type { LexicalEditor } from 'lexical';
import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { readPlaybookDoc } from './headless';

const editors = new Map<Y.Doc, LexicalEditor>();

/** Announces that `editor` shows `doc` (bound to it); returns the disposer. */
export function registerOpenEditor(doc: Y.Doc, editor: LexicalEditor): () => void {
  editors.set(doc, editor);
  return () => {
    if (editors.get(doc) === editor) editors.delete(doc);
  };
}

/**
 * True when the editor holds the document's content. Right after mounting, the binding has not synced yet:
 * the document has content and the editor none — reading it then would find no narratives.
 */
function $holdsContent(doc: Y.Doc): boolean {
  return $getRoot().getChildrenSize() > 0 || doc.get('root', Y.XmlText).length === 0;
}

/**
 * Runs `read` (a `$` function) inside the content of playbook `doc`: in the state of the editor showing it
 * when there is one, else in a headless editor built for the purpose.
 */
export function readPlaybook<T>(doc: Y.Doc, read: () => T): T {
  const editor = editors.get(doc);
  if (editor !== undefined) {
    let result: { value: T } | null = null;
    editor.getEditorState().read(() => {
      if ($holdsContent(doc)) result = { value: read() };
    });
    if (result !== null) return (result as { value: T }).value;
  }
  return readPlaybookDoc(doc, read);
}
