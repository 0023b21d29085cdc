/**
 * Markdown-style typing shortcuts ("# " for a heading, "- " for a list, **bold**…). Block shortcuts are
 * refused inside a narrative's title and key message, which must stay what they are; links are not
 * created from markdown so that every link goes through the link dialog's protocol check.
 */
import {
  HEADING,
  ORDERED_LIST,
  QUOTE,
  TEXT_FORMAT_TRANSFORMERS,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $isNarrativeKeyMessageNode, $isNarrativeTitleNode } from './nodes';

function outsideNarrativeFields(transformer: ElementTransformer): ElementTransformer {
  return {
    ...transformer,
    replace: (parent, children, match, isImport) =>
      $isNarrativeTitleNode(parent) || $isNarrativeKeyMessageNode(parent)
        ? false
        : transformer.replace(parent, children, match, isImport),
  };
}

/** The transformers the playbook editor uses. */
export const PLAYBOOK_MARKDOWN_SHORTCUTS: Transformer[] = [
  ...[HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST].map(outsideNarrativeFields),
  ...TEXT_FORMAT_TRANSFORMERS,
];
