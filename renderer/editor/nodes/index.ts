/** The node set of a playbook document. The headless builder and the editor must register the same list. */
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import type { Klass, LexicalNode } from 'lexical';
import { NarrativeNode } from './NarrativeNode';
import { NarrativeKeyMessageNode, NarrativeTitleNode } from './NarrativeTextNodes';

/** Every node class a playbook can contain. */
export const PLAYBOOK_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  NarrativeNode,
  NarrativeTitleNode,
  NarrativeKeyMessageNode,
];

export {
  $createNarrativeNode,
  $getEnclosingNarrative,
  $isNarrativeNode,
  NarrativeNode,
  NARRATIVE_CLASSES,
  type SerializedNarrativeNode,
} from './NarrativeNode';
export {
  $createNarrativeKeyMessageNode,
  $createNarrativeTitleNode,
  $isNarrativeKeyMessageNode,
  $isNarrativeTitleNode,
  NarrativeKeyMessageNode,
  NarrativeTitleNode,
} from './NarrativeTextNodes';
