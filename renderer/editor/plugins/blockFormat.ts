/** Changing the block type under the caret (paragraph, headings, quote, lists), shared by toolbar and keys. */
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isNarrativeKeyMessageNode, $isNarrativeNode, $isNarrativeTitleNode } from '../nodes';

/** Block types the toolbar offers. */
export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'narrative-field';

/** Labels for the block type menu. */
export const BLOCK_LABELS: Record<Exclude<BlockType, 'narrative-field'>, string> = {
  paragraph: 'Text',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  quote: 'Quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
};

/** The block type at the caret; 'narrative-field' inside a title or key message (which keep their type). */
export function $currentBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block = $isRootNode(anchor) ? anchor : $nearestBlock(anchor);
  if ($isNarrativeTitleNode(block) || $isNarrativeKeyMessageNode(block)) return 'narrative-field';
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
  if ($isHeadingNode(block)) return block.getTag() as BlockType;
  if ($isQuoteNode(block)) return 'quote';
  return 'paragraph';
}

function $nearestBlock(node: LexicalNode): LexicalNode {
  let current = node;
  for (;;) {
    const parent = current.getParent();
    if (parent === null || $isRootNode(parent) || $isNarrativeNode(parent)) return current;
    current = parent;
  }
}

/** Applies a block type to the selected blocks (no-op inside a narrative's title or key message). */
export function applyBlockType(editor: LexicalEditor, type: Exclude<BlockType, 'narrative-field'>): void {
  let current: BlockType | null = null;
  editor.getEditorState().read(() => {
    current = $currentBlockType();
  });
  if (current === 'narrative-field') return;
  if (type === 'bullet' || type === 'number') {
    editor.dispatchCommand(
      current === type
        ? REMOVE_LIST_COMMAND
        : type === 'bullet'
          ? INSERT_UNORDERED_LIST_COMMAND
          : INSERT_ORDERED_LIST_COMMAND,
      undefined,
    );
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (current === 'bullet' || current === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    $setBlocksType(selection, () =>
      type === 'paragraph' ? $createParagraphNode() : type === 'quote' ? $createQuoteNode() : $createHeadingNode(type),
    );
  });
}
