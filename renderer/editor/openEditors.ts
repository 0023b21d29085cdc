/**
 * The editors showing a playbook document right now. Views that need an open playbook's content — the
 * review's narrative list, the deal form, the deck builder — read it from the editor's state, which the
 * binding keeps current, instead of building a second, headless editor from the Y.Doc: that costs about as
 * much as opening the playbook again (a whole Yjs → Lexical sync) every time the review opens. Reading is
 * readPlaybook.ts's, so the editor's first screen (which only registers here) needs no headless editor.
 */
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';

const editors = new Map<Y.Doc, LexicalEditor>();

/** Announces that `editor` shows `doc` (bound to it); returns the disposer. */
export function registerOpenEditor(doc: Y.Doc, editor: LexicalEditor): () => void {
  editors.set(doc, editor);
  return () => {
    if (editors.get(doc) === editor) editors.delete(doc);
  };
}

/** The editor showing `doc`, if one does. */
export function openEditorOf(doc: Y.Doc): LexicalEditor | undefined {
  return editors.get(doc);
}
