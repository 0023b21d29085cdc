/** What the link dialog starts from: the link under the caret (read apart from the dialog, which loads on first use). */
import { $isLinkNode } from '@lexical/link';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';

/** The link currently under the caret, or ''. */
export function readSelectedLink(editor: LexicalEditor): string {
  let url = '';
  editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const node = selection.anchor.getNode();
    const link = $isLinkNode(node) ? node : node.getParent();
    if ($isLinkNode(link)) url = link.getURL();
  });
  return url;
}
