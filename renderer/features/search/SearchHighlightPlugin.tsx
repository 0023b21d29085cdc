/**
 * Shows a search result in the editor: scrolls its narrative into view, puts the caret at the first match
 * and paints every matching word with the CSS Custom Highlight API (`::highlight(duet-search)`) — no nodes
 * are added and the document is never written. The paint goes away at the next key press or click.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $isTextNode, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { matchRanges } from '@shared/search/snippet';
import { $findNarrative } from '../../editor/narrativeOps';
import { finishJump, onJump, pendingJump, type SearchJump } from './searchJump';

const HIGHLIGHT = 'duet-search';

function textNodesOf(element: HTMLElement): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Paints every match inside the narrative's DOM; returns the first one. */
function paint(element: HTMLElement, terms: readonly string[]): Range | null {
  const ranges: Range[] = [];
  for (const text of textNodesOf(element)) {
    for (const match of matchRanges(text.data, terms)) {
      const range = element.ownerDocument.createRange();
      range.setStart(text, match.start);
      range.setEnd(text, match.end);
      ranges.push(range);
    }
  }
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
    if (ranges.length > 0) CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
    else CSS.highlights.delete(HIGHLIGHT);
  }
  return ranges[0] ?? null;
}

/** Shows the jump; false while the narrative is not rendered yet. */
function show(editor: LexicalEditor, jump: SearchJump & { narrativeId: string }): boolean {
  const key = editor.getEditorState().read(() => $findNarrative(jump.narrativeId)?.getKey() ?? null);
  const element = key === null ? null : editor.getElementByKey(key);
  if (element === null) return false;
  const first = paint(element, jump.terms);
  (first?.startContainer.parentElement ?? element).scrollIntoView({ block: 'center' });
  // The narrative's chrome (proof points) renders once it is near the viewport: paint again as it appears.
  let found = first !== null;
  const observer = new MutationObserver(() => {
    const again = paint(element, jump.terms);
    if (!found && again) again.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    found ||= again !== null;
  });
  observer.observe(element, { childList: true, subtree: true, characterData: true });
  setTimeout(() => observer.disconnect(), 2000);
  // The caret goes to the first match in the text (not in the chrome), so typing or reading goes on there.
  editor.focus(() => {
    editor.update(() => {
      if (first === null) return;
      const node = $getNearestNodeFromDOMNode(first.startContainer);
      if ($isTextNode(node)) node.select(first.startOffset, first.startOffset);
    });
  });
  return true;
}

/** Shows jump requests for this playbook (also one made before the editor mounted). */
export function SearchHighlightPlugin({ playbookId }: { playbookId: string }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let stopWaiting: (() => void) | null = null;
    const handle = (jump: SearchJump | null): void => {
      stopWaiting?.();
      stopWaiting = null;
      if (jump === null || jump.playbookId !== playbookId || jump.narrativeId === undefined) return;
      const target = { ...jump, narrativeId: jump.narrativeId };
      if (show(editor, target)) {
        finishJump(jump);
        return;
      }
      // The content is still arriving (the playbook was just opened): try again after each update.
      stopWaiting = editor.registerUpdateListener(() => {
        if (!show(editor, target)) return;
        finishJump(jump);
        stopWaiting?.();
        stopWaiting = null;
      });
    };
    handle(pendingJump());
    const stop = onJump(handle);
    const root = editor.getRootElement();
    const clear = (): void => {
      if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
    };
    root?.addEventListener('keydown', clear);
    root?.addEventListener('pointerdown', clear);
    return () => {
      stop();
      stopWaiting?.();
      root?.removeEventListener('keydown', clear);
      root?.removeEventListener('pointerdown', clear);
      clear();
    };
  }, [editor, playbookId]);
  return null;
}
