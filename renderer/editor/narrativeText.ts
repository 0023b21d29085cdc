/**
 * A narrative's plain text as anchored notes quote it ($-prefixed: call inside an editor read). Built from
 * the narrative's text and line-break leaves in document order; see shared/collab/narrativeText.ts.
 */
import { $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';
import { layoutText, type TextLayout, type TextSegment } from '@shared/collab/narrativeText';
import { $getNarrativeNodes } from './narrativeOps';
import type { NarrativeNode } from './nodes';

function $blockOf(node: LexicalNode): string {
  let parent = node.getParent();
  while (parent !== null && $isElementNode(parent) && parent.isInline()) parent = parent.getParent();
  return parent?.getKey() ?? '';
}

function $collect(node: LexicalNode, out: TextSegment[]): void {
  if ($isTextNode(node)) out.push({ key: node.getKey(), block: $blockOf(node), text: node.getTextContent() });
  else if ($isLineBreakNode(node)) out.push({ key: node.getKey(), block: $blockOf(node), text: '\n' });
  else if ($isElementNode(node)) for (const child of node.getChildren()) $collect(child, out);
}

/** The leaves of a narrative (title, key message, body) with their text. */
export function $narrativeTextLayout(narrative: NarrativeNode): TextLayout {
  const segments: TextSegment[] = [];
  $collect(narrative, segments);
  return layoutText(segments);
}

/** The plain text of every narrative, by narrative id. */
export function $readNarrativeTexts(): Map<string, string> {
  return new Map($getNarrativeNodes().map((n) => [n.getNarrativeId(), $narrativeTextLayout(n).text]));
}
