/**
 * A compact, declarative description of playbook content, used by templates, the sample workspace, tests and
 * benchmarks. `$appendSpec` turns it into Lexical nodes; when run in a Yjs-bound editor the content lands in
 * the document like any typed edit.
 */
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalNode } from 'lexical';
import type { NarrativeFields } from '@shared/domain/narrative';
import { isSafeLinkUrl } from '@shared/domain/url';
import { $buildNarrative } from './narrativeOps';

/** Inline text: plain, or with formats, or a link. */
export type InlineSpec = string | { text: string; bold?: boolean; italic?: boolean; link?: string };

/** A block of body text. */
export type BlockSpec =
  | { h: 1 | 2 | 3; text: string }
  | { p: InlineSpec | InlineSpec[] }
  | { ul: string[] }
  | { ol: string[] }
  | { quote: string };

/** One narrative. */
export interface NarrativeSpec {
  id?: string;
  title: string;
  keyMessage: string;
  fields?: Partial<NarrativeFields>;
  body: BlockSpec[];
}

/** A whole playbook: blocks before the narratives, then the narratives. */
export interface PlaybookSpec {
  intro: BlockSpec[];
  narratives: NarrativeSpec[];
}

function $inline(spec: InlineSpec): LexicalNode {
  if (typeof spec === 'string') return $createTextNode(spec);
  const text = $createTextNode(spec.text);
  if (spec.bold) text.toggleFormat('bold');
  if (spec.italic) text.toggleFormat('italic');
  if (spec.link !== undefined && isSafeLinkUrl(spec.link)) return $createLinkNode(spec.link).append(text);
  return text;
}

function $block(spec: BlockSpec): ElementNode {
  if ('h' in spec) return $createHeadingNode(`h${spec.h}` as HeadingTagType).append($createTextNode(spec.text));
  if ('quote' in spec) return $createQuoteNode().append($createTextNode(spec.quote));
  if ('ul' in spec || 'ol' in spec) {
    const items = 'ul' in spec ? spec.ul : spec.ol;
    const list = $createListNode('ul' in spec ? 'bullet' : 'number');
    for (const item of items) list.append($createListItemNode().append($createTextNode(item)));
    return list;
  }
  const parts = Array.isArray(spec.p) ? spec.p : [spec.p];
  return $createParagraphNode().append(...parts.map($inline));
}

/** Appends the spec's content to the root. */
export function $appendSpec(spec: PlaybookSpec): void {
  const root = $getRoot();
  for (const block of spec.intro) root.append($block(block));
  for (const n of spec.narratives) {
    const narrative = $buildNarrative({ id: n.id, title: n.title, keyMessage: n.keyMessage, fields: n.fields });
    const body = n.body.length > 0 ? n.body : [{ p: '' }];
    for (const block of body) narrative.append($block(block));
    root.append(narrative);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}
