/**
 * Ctrl/⌘+A grows the selection step by step instead of jumping to the whole playbook: first the block the
 * caret is in (a title, a key message, a paragraph), then the whole narrative, then the document. Typing
 * over a select-all therefore replaces what the writer is looking at, not every narrative at once.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  SELECT_ALL_COMMAND,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { $getEnclosingNarrative, $isNarrativeNode } from '../nodes';

function signature(selection: RangeSelection): string {
  const { anchor, focus } = selection;
  return `${anchor.key}:${anchor.offset}:${focus.key}:${focus.offset}`;
}

function $blockInNarrative(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = node;
  while (current !== null && !$isNarrativeNode(current.getParent())) current = current.getParent();
  return current !== null && $isElementNode(current) ? current : null;
}

function $selectContents(first: ElementNode, last: ElementNode): RangeSelection {
  const { key, offset, type } = first.selectStart().anchor;
  const range = last.selectEnd(); // becomes the current selection, collapsed at the end…
  range.anchor.set(key, offset, type); // …and now reaches back to the start
  return range;
}

/** Registers the stepwise select-all. */
export function NarrativeSelectAllPlugin(): null {
  const [editor] = useLexicalComposerContext();
  // What the previous press selected, so the next press on the same selection goes one level up.
  const last = useRef<{ signature: string; level: 1 | 2 } | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        SELECT_ALL_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const narrative = $getEnclosingNarrative(selection.anchor.getNode());
          if (narrative === null || narrative !== $getEnclosingNarrative(selection.focus.getNode())) return false;
          const previous = last.current?.signature === signature(selection) ? last.current.level : 0;
          if (previous >= 2) {
            last.current = null;
            return false; // third press: the whole document, as everywhere else
          }
          const block = $blockInNarrative(selection.anchor.getNode());
          const sameBlock = block !== null && block === $blockInNarrative(selection.focus.getNode());
          const level: 1 | 2 = previous === 0 && sameBlock ? 1 : 2;
          const first = level === 1 ? block! : (narrative.getFirstChild() as ElementNode | null);
          const end = level === 1 ? block! : (narrative.getLastChild() as ElementNode | null);
          if (!first || !end || !$isElementNode(first) || !$isElementNode(end)) return false;
          const range = $selectContents(first, end);
          last.current = { signature: signature(range), level };
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
