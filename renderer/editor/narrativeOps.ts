/**
 * Operations on narratives inside an editor update ($-prefixed: call them inside `editor.update`/`read`).
 * The outline, the toolbar, the section menus and the tests all go through these, so a narrative is
 * created, moved, copied and read in exactly one way.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isElementNode,
  $parseSerializedNode,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isLinkNode } from '@lexical/link';
import type { DeckNarrative, TextBlock, TextRun } from '@shared/deck/deckModel';
import { newId } from '@shared/domain/ids';
import type { NarrativeFields, NarrativeSummary } from '@shared/domain/narrative';
import { isSafeLinkUrl } from '@shared/domain/url';
import {
  $createNarrativeKeyMessageNode,
  $createNarrativeNode,
  $getEnclosingNarrative,
  $createNarrativeTitleNode,
  $isNarrativeKeyMessageNode,
  $isNarrativeNode,
  $isNarrativeTitleNode,
  type NarrativeNode,
} from './nodes';

// Where it lived first; it is the nodes' own now (the first screen uses it without these operations).
export { $getEnclosingNarrative };

/** Every narrative of the document, in document order. */
export function $getNarrativeNodes(): NarrativeNode[] {
  return $getRoot().getChildren().filter($isNarrativeNode);
}

/** The narrative with this id, or null. */
export function $findNarrative(narrativeId: string): NarrativeNode | null {
  return $getNarrativeNodes().find((n) => n.getNarrativeId() === narrativeId) ?? null;
}

/** A narrative's title, key message and fields, as the outline, review and decks read them. */
export function $readNarrative(node: NarrativeNode): NarrativeSummary {
  const children = node.getChildren();
  const title = children.find($isNarrativeTitleNode)?.getTextContent() ?? '';
  const keyMessage = children.find($isNarrativeKeyMessageNode)?.getTextContent() ?? '';
  return { id: node.getNarrativeId(), title, keyMessage, ...node.getFields() };
}

/** The text of `nodes` as runs; a link with a safe address keeps it, any other is just its words. */
function $runsOf(nodes: readonly LexicalNode[]): TextRun[] {
  const runs: TextRun[] = [];
  const add = (text: string, url: string | null): void => {
    const last = runs.at(-1);
    if (text === '') return;
    if (last !== undefined && (last.url ?? null) === url) last.text += text;
    else runs.push(url === null ? { text } : { text, url });
  };
  for (const node of nodes) {
    if ($isLinkNode(node)) add(node.getTextContent(), isSafeLinkUrl(node.getURL()) ? node.getURL() : null);
    else if ($isElementNode(node) && node.isInline())
      for (const run of $runsOf(node.getChildren())) add(run.text, run.url ?? null);
    else add(node.getTextContent(), null);
  }
  return runs;
}

/** A body block of `kind` from `nodes`: its text, and its runs when it has a link. */
function $block(kind: TextBlock['kind'], nodes: readonly LexicalNode[]): TextBlock {
  const runs = $runsOf(nodes);
  const text = runs.map((r) => r.text).join('');
  return runs.some((r) => r.url !== undefined) ? { kind, text, runs } : { kind, text };
}

function $listBlocks(list: ListNode, out: TextBlock[]): void {
  const kind = list.getListType() === 'number' ? 'number' : 'bullet';
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const nested = item.getChildren().filter($isListNode);
    const own = $block(
      kind,
      item.getChildren().filter((child) => !$isListNode(child)),
    );
    if (own.text.trim() !== '') out.push(own);
    for (const child of nested) $listBlocks(child, out);
  }
}

/**
 * A narrative's body (everything after its title and key message) as plain text blocks: paragraphs,
 * headings, list items (nested lists flattened in order) and quotes, with their links. Decks and the Markdown
 * export read it.
 */
export function $readNarrativeBody(node: NarrativeNode): TextBlock[] {
  const out: TextBlock[] = [];
  for (const child of node.getChildren()) {
    if ($isNarrativeTitleNode(child) || $isNarrativeKeyMessageNode(child)) continue;
    if ($isListNode(child)) $listBlocks(child, out);
    else if ($isHeadingNode(child)) out.push($block('heading', child.getChildren()));
    else if ($isQuoteNode(child)) out.push($block('quote', child.getChildren()));
    else if ($isElementNode(child)) out.push($block('paragraph', child.getChildren()));
    else out.push({ kind: 'paragraph', text: child.getTextContent() });
  }
  return out;
}

/** Every narrative in document order with its body: what decks, the Markdown export and search read. */
export function $readNarrativesWithBody(): DeckNarrative[] {
  return $getNarrativeNodes().map((node) => ({ ...$readNarrative(node), body: $readNarrativeBody(node) }));
}

/** A title for a whole document: its first heading, else its first narrative's title, else ''. */
export function $readDocumentTitle(): string {
  const children = $getRoot().getChildren();
  const heading = children.find((n) => n.getType() === 'heading');
  if (heading) return heading.getTextContent().trim().slice(0, 200);
  const first = children.find($isNarrativeNode);
  return first ? $readNarrative(first).title.trim().slice(0, 200) : '';
}

/** Summaries of every narrative in document order. */
export function $readNarratives(): NarrativeSummary[] {
  return $getNarrativeNodes().map($readNarrative);
}

/** Builds a complete, well-formed narrative (title, key message, one body paragraph). */
export function $buildNarrative(
  content: { title?: string; keyMessage?: string; fields?: Partial<NarrativeFields>; id?: string } = {},
): NarrativeNode {
  const narrative = $createNarrativeNode(content.id, content.fields);
  const title = $createNarrativeTitleNode();
  if (content.title) title.append($createTextNode(content.title));
  const keyMessage = $createNarrativeKeyMessageNode();
  if (content.keyMessage) keyMessage.append($createTextNode(content.keyMessage));
  narrative.append(title, keyMessage);
  return narrative;
}

/**
 * Inserts a new narrative after `afterKey` (a narrative's node key) or at the end, puts the caret in its
 * title and returns its id.
 */
export function $insertNarrative(afterKey: string | null, fields?: Partial<NarrativeFields>): string {
  const narrative = $buildNarrative({ fields });
  narrative.append($createParagraphNode());
  const after = afterKey ? $getNodeByKey(afterKey) : null;
  if (after !== null && $isNarrativeNode(after)) after.insertAfter(narrative);
  else $getRoot().append(narrative);
  narrative.getFirstChildOrThrow<NarrativeNode>().selectStart();
  return narrative.getNarrativeId();
}

/** Inserts a new narrative after the one holding the caret (or at the end); returns its id. */
export function $insertNarrativeAfterSelection(fields?: Partial<NarrativeFields>): string {
  const selection = $getSelection();
  const current = $isRangeSelection(selection) ? $getEnclosingNarrative(selection.anchor.getNode()) : null;
  return $insertNarrative(current?.getKey() ?? null, fields);
}

function $serializeDeep(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON() as SerializedLexicalNode & { children?: SerializedLexicalNode[] };
  if ($isElementNode(node)) json.children = node.getChildren().map($serializeDeep);
  return json;
}

/** Copies a narrative right after itself under a new id; returns the copy's id, or null if not found. */
export function $duplicateNarrative(narrativeId: string): string | null {
  const source = $findNarrative(narrativeId);
  if (source === null) return null;
  const json = { ...$serializeDeep(source), narrativeId: newId('n') } as SerializedLexicalNode;
  const copy = $parseSerializedNode(json);
  if (!$isNarrativeNode(copy)) throw new Error('[editor] duplicate did not produce a narrative');
  const title = copy.getFirstChild();
  if ($isNarrativeTitleNode(title)) title.append($createTextNode(' (copy)'));
  source.insertAfter(copy);
  return copy.getNarrativeId();
}

/** Moves a narrative one place up or down among narratives; returns false when it cannot move. */
export function $moveNarrative(narrativeId: string, direction: -1 | 1): boolean {
  const all = $getNarrativeNodes();
  const index = all.findIndex((n) => n.getNarrativeId() === narrativeId);
  const target = all[index + direction];
  const node = all[index];
  if (node === undefined || target === undefined) return false;
  if (direction === -1) target.insertBefore(node);
  else target.insertAfter(node);
  return true;
}

/** Moves a narrative to sit before `beforeId` (or to after the last narrative when null). */
export function $moveNarrativeBefore(narrativeId: string, beforeId: string | null): boolean {
  const node = $findNarrative(narrativeId);
  if (node === null || narrativeId === beforeId) return false;
  if (beforeId === null) {
    const last = $getNarrativeNodes().at(-1);
    if (last === undefined || last === node) return false;
    last.insertAfter(node);
    return true;
  }
  const before = $findNarrative(beforeId);
  if (before === null) return false;
  before.insertBefore(node);
  return true;
}

/** Deletes a narrative (undoable with the editor's undo). */
export function $deleteNarrative(narrativeId: string): boolean {
  const node = $findNarrative(narrativeId);
  if (node === null) return false;
  node.remove();
  if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode());
  return true;
}

/** Updates a narrative's short fields. */
export function $setNarrativeFields(narrativeId: string, patch: Partial<NarrativeFields>): boolean {
  const node = $findNarrative(narrativeId);
  if (node === null) return false;
  node.setFields(patch);
  return true;
}
