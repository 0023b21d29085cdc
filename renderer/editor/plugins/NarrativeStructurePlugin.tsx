/**
 * Keeps every narrative well-formed whatever the user does (paste, delete, drag, undo): a narrative is a
 * top-level section whose first two children are its title and key message, fields never appear outside a
 * narrative, and no two narratives share an id. Transforms do not run for changes arriving from Yjs, so
 * each client repairs only its own edits and clients never fight over a repair.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  COLLABORATION_TAG,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { newId } from '@shared/domain/ids';
import {
  $createNarrativeKeyMessageNode,
  $createNarrativeTitleNode,
  $isNarrativeKeyMessageNode,
  $isNarrativeNode,
  $isNarrativeTitleNode,
  NarrativeKeyMessageNode,
  NarrativeNode,
  NarrativeTitleNode,
} from '../nodes';

function $unwrapToParagraph(node: ElementNode): void {
  const paragraph = $createParagraphNode();
  paragraph.append(...node.getChildren());
  node.replace(paragraph);
}

function $ensureField(
  narrative: NarrativeNode,
  index: 0 | 1,
  is: (n: LexicalNode | null) => boolean,
  create: () => ElementNode,
): void {
  const children = narrative.getChildren();
  const fields = children.filter(is) as ElementNode[];
  const [keep, ...extra] = fields;
  for (const duplicate of extra) $unwrapToParagraph(duplicate);
  const field = keep ?? create();
  const current = narrative.getChildAtIndex(index);
  if (current !== field) {
    if (current === null) narrative.append(field);
    else current.insertBefore(field);
  }
}

/** Registers the structural rules of narratives. */
export function NarrativeStructurePlugin(): null {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(NarrativeNode, (narrative) => {
          const parent = narrative.getParent();
          if (parent !== null && parent !== $getRoot()) {
            // Pasted or dropped inside another block: lift it to the top level right after that block.
            narrative.getTopLevelElementOrThrow().insertAfter(narrative);
            return;
          }
          $ensureField(narrative, 0, $isNarrativeTitleNode, $createNarrativeTitleNode);
          $ensureField(narrative, 1, $isNarrativeKeyMessageNode, $createNarrativeKeyMessageNode);
        }),
        editor.registerNodeTransform(NarrativeTitleNode, (node) => {
          if (!$isNarrativeNode(node.getParent())) $unwrapToParagraph(node);
        }),
        editor.registerNodeTransform(NarrativeKeyMessageNode, (node) => {
          if (!$isNarrativeNode(node.getParent())) $unwrapToParagraph(node);
        }),
        editor.registerMutationListener(
          NarrativeNode,
          (mutations, { updateTags }) => {
            if (updateTags.has(COLLABORATION_TAG)) return; // the author of a remote change repairs it
            const created = [...mutations].filter(([, m]) => m === 'created').map(([key]) => key);
            if (created.length === 0) return;
            editor.update(() => {
              const seen = new Map<string, string>();
              for (const narrative of $getRoot().getChildren().filter($isNarrativeNode)) {
                const id = narrative.getNarrativeId();
                const ownerKey = id ? seen.get(id) : undefined;
                if (id && ownerKey === undefined) {
                  seen.set(id, narrative.getKey());
                  continue;
                }
                // A copy (paste, drag-copy) of a narrative already in the document gets an id of its own;
                // the copy is whichever of the two was just created.
                const ownerIsNew = ownerKey !== undefined && created.includes(ownerKey);
                const copy = ownerIsNew ? $getNodeByKey(ownerKey) : narrative;
                if ($isNarrativeNode(copy)) copy.setNarrativeId(newId('n'));
                if (ownerIsNew) seen.set(id, narrative.getKey());
              }
            });
          },
          { skipInitialization: true },
        ),
      ),
    [editor],
  );

  return null;
}
