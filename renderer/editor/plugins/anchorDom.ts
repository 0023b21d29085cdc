/**
 * Between anchored notes and the editor's DOM ($-prefixed: call inside an editor read): a DOM selection
 * becomes a text-quote anchor on one narrative, and resolved anchors become DOM Ranges to highlight. Only
 * the editor's text leaves count — the narrative chrome (chips, proof points) is never part of a quote —
 * and nothing here writes to the editor: a salesperson reads the playbook, they never change it.
 */
import { $getNearestNodeFromDOMNode, $isTextNode, type LexicalEditor } from 'lexical';
import { pointOfOffset, trimRange, offsetOfPoint, type TextLayout } from '@shared/collab/narrativeText';
import { createTextQuote, locateTextQuote, QUOTE_MAX, type TextQuoteSelector } from '@shared/collab/textQuote';
import { $findNarrative, $getEnclosingNarrative } from '../narrativeOps';
import { $narrativeTextLayout } from '../narrativeText';
import { NARRATIVE_CLASSES } from '../nodes';

/** Where a note is anchored: a narrative and a quote of its words. */
export interface NoteAnchor {
  narrativeId: string;
  selector: TextQuoteSelector;
}

const CHROME = `.${NARRATIVE_CLASSES.meta}, .${NARRATIVE_CLASSES.proof}`;

function inChrome(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(CHROME) != null;
}

/**
 * The text node and offset a selection boundary stands for. Boundaries between elements (a triple-click
 * ends at the start of the next block) move to the nearest text inside the selection: forwards for a
 * start, backwards for an end.
 */
function textBoundary(
  root: HTMLElement,
  container: Node,
  offset: number,
  edge: 'start' | 'end',
): [Text, number] | null {
  if (container instanceof Text) return inChrome(container) ? null : [container, offset];
  const boundary = document.createRange();
  boundary.setStart(container, offset);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (inChrome(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let found: [Text, number] | null = null;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const text = n as Text;
    if (edge === 'start' && boundary.comparePoint(text, 0) >= 0) return [text, 0];
    if (edge === 'end' && boundary.comparePoint(text, text.length) <= 0) found = [text, text.length];
    if (edge === 'end' && boundary.comparePoint(text, 0) > 0) break;
  }
  return found;
}

/** The narrative id and text offset of a DOM boundary, or null when it is not on a narrative's words. */
function $offsetOf(point: [Text, number]): { narrativeId: string; layout: TextLayout; offset: number } | null {
  const node = $getNearestNodeFromDOMNode(point[0]);
  if (!$isTextNode(node)) return null;
  const narrative = $getEnclosingNarrative(node);
  if (narrative === null) return null;
  const layout = $narrativeTextLayout(narrative);
  const index = layout.segments.findIndex((s) => s.key === node.getKey());
  if (index === -1) return null;
  return {
    narrativeId: narrative.getNarrativeId(),
    layout,
    offset: offsetOfPoint(layout, { index, offset: point[1] }),
  };
}

/** The anchor for the selected words, or null unless they lie inside one narrative's text. */
export function $anchorFromSelection(editor: LexicalEditor, selection: Selection | null): NoteAnchor | null {
  const root = editor.getRootElement();
  if (root === null || selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const startPoint = textBoundary(root, range.startContainer, range.startOffset, 'start');
  const endPoint = textBoundary(root, range.endContainer, range.endOffset, 'end');
  const start = startPoint && $offsetOf(startPoint);
  const end = endPoint && $offsetOf(endPoint);
  if (!start || !end || start.narrativeId !== end.narrativeId) return null;
  const text = start.layout.text;
  const words = trimRange(text, start.offset, end.offset);
  if (words.end - words.start < 1 || words.end - words.start > QUOTE_MAX) return null;
  return { narrativeId: start.narrativeId, selector: createTextQuote(text, words.start, words.end) };
}

function domPoint(
  editor: LexicalEditor,
  layout: TextLayout,
  offset: number,
  edge: 'start' | 'end',
): [Node, number] | null {
  const point = pointOfOffset(layout, offset, edge);
  const segment = point && layout.segments[point.index];
  const element = segment ? editor.getElementByKey(segment.key) : null;
  if (!point || !element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode() as Text | null;
  if (text !== null) return [text, Math.min(point.offset, text.length)];
  // A line break (<br>) has no text node: stand before or after it.
  const parent = element.parentNode;
  if (parent === null) return null;
  return [parent, Array.prototype.indexOf.call(parent.childNodes, element) + (point.offset > 0 ? 1 : 0)];
}

/** DOM Ranges over the words each anchor resolves to now; orphaned anchors have none. */
export function $anchorRanges(editor: LexicalEditor, anchors: readonly NoteAnchor[]): Range[] {
  const byNarrative = new Map<string, NoteAnchor[]>();
  for (const anchor of anchors)
    byNarrative.set(anchor.narrativeId, [...(byNarrative.get(anchor.narrativeId) ?? []), anchor]);
  const ranges: Range[] = [];
  for (const [narrativeId, list] of byNarrative) {
    const narrative = $findNarrative(narrativeId);
    if (narrative === null) continue;
    const layout = $narrativeTextLayout(narrative);
    for (const anchor of list) {
      const found = locateTextQuote(layout.text, anchor.selector);
      const start = found && domPoint(editor, layout, found.start, 'start');
      const end = found && domPoint(editor, layout, found.end, 'end');
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      ranges.push(range);
    }
  }
  return ranges;
}
