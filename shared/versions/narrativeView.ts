/**
 * Reads a stored narrative (the editor's JSON) as the words people compare: title, key message, body text
 * and fields — without an editor, so compare and attribution run anywhere.
 */
import { normalizeNarrativeFields, type NarrativeFields } from '../domain/narrative';
import type { ContentNode, NarrativeContentNode } from './versionContent';

/** A narrative's words and fields as a version holds them. */
export interface NarrativeView extends NarrativeFields {
  id: string;
  title: string;
  keyMessage: string;
  /** Body blocks as text, one line per paragraph, heading, quote or list item. */
  body: string;
}

/** The plain text of a node: its text, or its children's, with line breaks kept. */
export function plainText(node: ContentNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return (node.children ?? []).map(plainText).join('');
}

function bodyLines(node: ContentNode, out: string[]): void {
  if (node.type === 'list' || (node.type === 'listitem' && node.children?.some((c) => c.type === 'list'))) {
    // A list is one line per item; a nested list follows its parent item, indented by nothing (text only).
    if (node.type === 'listitem') {
      const own = (node.children ?? []).filter((c) => c.type !== 'list');
      out.push(own.map(plainText).join(''));
      for (const child of node.children ?? []) if (child.type === 'list') bodyLines(child, out);
      return;
    }
    for (const item of node.children ?? []) bodyLines(item, out);
    return;
  }
  out.push(plainText(node));
}

/** The view of one stored narrative. */
export function narrativeView(node: NarrativeContentNode): NarrativeView {
  const children = node.children ?? [];
  const title = children.find((c) => c.type === 'narrative-title');
  const keyMessage = children.find((c) => c.type === 'narrative-key-message');
  const lines: string[] = [];
  for (const child of children) if (child !== title && child !== keyMessage) bodyLines(child, lines);
  return {
    id: node.narrativeId,
    title: title ? plainText(title) : '',
    keyMessage: keyMessage ? plainText(keyMessage) : '',
    body: lines.join('\n'),
    ...normalizeNarrativeFields(node as Partial<Record<keyof NarrativeFields, unknown>>),
  };
}
