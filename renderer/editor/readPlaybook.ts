/**
 * Reads an open playbook's content from the editor showing it (openEditors.ts), or from a headless editor
 * when none does.
 */
import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { readPlaybookDoc } from './headless';
import { openEditorOf } from './openEditors';

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
  const editor = openEditorOf(doc);
  if (editor !== undefined) {
    let result: { value: T } | null = null;
    editor.getEditorState().read(() => {
      if ($holdsContent(doc)) result = { value: read() };
    });
    if (result !== null) return (result as { value: T }).value;
  }
  return readPlaybookDoc(doc, read);
}
