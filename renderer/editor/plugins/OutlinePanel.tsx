/**
 * The outline of a playbook's narratives: jump to one with a click, reorder by dragging or with
 * Alt+↑/↓ on the focused item. Reads the editor state, so it follows remote edits as well as local ones.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { memo, startTransition, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { NARRATIVE_STATUS_LABELS, type NarrativeSummary } from '@shared/domain/narrative';
import { $getNodeByKey, $getRoot, $isRootNode, type EditorState } from 'lexical';
import { $isNarrativeNode, $isNarrativeTitleNode } from '../nodes';
import { $findNarrative, $moveNarrative, $moveNarrativeBefore, $readNarratives } from '../narrativeOps';
import { measurePhase } from '../../platform/measurePhase';

type OutlineItem = Pick<NarrativeSummary, 'id' | 'title' | 'status' | 'persona'>;

function sameItems(a: OutlineItem[], b: OutlineItem[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.id === b[i]!.id && x.title === b[i]!.title && x.status === b[i]!.status && x.persona === b[i]!.persona,
    )
  );
}

/**
 * The root's children, as far as adding, removing or moving a narrative shows in it: their number and the
 * first and last. A narrative moved or added between two others also makes those neighbours dirty.
 */
function $rootShape(): string {
  const root = $getRoot();
  return `${root.getChildrenSize()}:${root.getFirstChild()?.getKey()}:${root.getLastChild()?.getKey()}`;
}

function rootShape(state: EditorState): string {
  return state.read($rootShape);
}

/** The outline panel. Memoised: it follows the editor itself, not its parent's renders. */
export const OutlinePanel = memo(function OutlinePanel({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [items, setItems] = useState<OutlineItem[]>([]);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropBefore, setDropBefore] = useState<string | null | undefined>(undefined);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let measured = false;
    const read = (): void => {
      const started = performance.now();
      const next = editor
        .getEditorState()
        .read(() => $readNarratives().map(({ id, title, status, persona }) => ({ id, title, status, persona })));
      // A transition: 200 entries render in slices after the text has been painted, never before it.
      startTransition(() => setItems((prev) => (sameItems(prev, next) ? prev : next)));
      // The first content: the stored playbook arriving (bench/openPlaybook.mjs prints it).
      if (!measured && next.length > 0) measured = Boolean(measurePhase('open:outline', started));
    };
    read();
    return editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
      // Typing in a story's body cannot change the outline; only the list of narratives, their titles and
      // their fields can. Checking that is cheaper than re-reading 200 narratives on every keystroke. The
      // root counts only when its children changed: Lexical marks it dirty on every keystroke.
      const relevant = editorState.read(() => {
        for (const [key, intentional] of dirtyElements) {
          if (!intentional) continue;
          const node = $getNodeByKey(key);
          if ($isRootNode(node)) {
            if (rootShape(prevEditorState) !== $rootShape()) return true;
            continue;
          }
          if (node === null || $isNarrativeNode(node) || $isNarrativeTitleNode(node)) return true;
        }
        for (const key of dirtyLeaves) {
          if ($isNarrativeTitleNode($getNodeByKey(key)?.getParent())) return true;
        }
        return false;
      });
      if (relevant) read();
    });
  }, [editor]);

  const jumpTo = (id: string): void => {
    editor.update(() => {
      const node = $findNarrative(id);
      node?.getFirstChild()?.selectEnd();
    });
    const dom = editor.getRootElement()?.querySelector(`[data-narrative-id="${CSS.escape(id)}"]`);
    // A glide helps the eye follow, unless the user asked the OS for less motion.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    dom?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  };

  const move = (id: string, direction: -1 | 1): void => {
    editor.update(() => void $moveNarrative(id, direction));
    // Keep keyboard focus on the moved item once the list re-renders.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus(),
    );
  };

  const handleKeyDown = (event: KeyboardEvent, id: string): void => {
    if (!editable || !event.altKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(id, event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const handleDrop = (event: DragEvent): void => {
    event.preventDefault();
    if (dragId !== null && dropBefore !== undefined) {
      editor.update(() => void $moveNarrativeBefore(dragId, dropBefore));
    }
    setDragId(null);
    setDropBefore(undefined);
  };

  return (
    <aside className="outline" aria-label="Outline" data-testid="outline">
      <header className="outline-header">
        <h3>Outline</h3>
        <span className="outline-count">{items.length}</span>
      </header>
      {items.length === 0 ? (
        <p className="outline-empty">
          No narratives yet. Add one with <strong>+ Narrative</strong> — each narrative is a story with its key message,
          persona and proof.
        </p>
      ) : (
        <ol className="outline-list" ref={listRef} onDragOver={(e) => e.preventDefault()} onDrop={handleDrop}>
          {items.map((item, index) => (
            <li
              key={item.id}
              className={`outline-item ${dropBefore === item.id ? 'drop-before' : ''} ${dragId === item.id ? 'is-dragging' : ''}`}
              draggable={editable}
              onDragStart={(e) => {
                setDragId(item.id);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', item.title);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                const rect = e.currentTarget.getBoundingClientRect();
                const after = e.clientY > rect.top + rect.height / 2;
                setDropBefore(after ? (items[index + 1]?.id ?? null) : item.id);
              }}
              onDragEnd={() => {
                setDragId(null);
                setDropBefore(undefined);
              }}
            >
              <button
                type="button"
                className="outline-link"
                data-outline-id={item.id}
                onClick={() => jumpTo(item.id)}
                onKeyDown={(e) => handleKeyDown(e, item.id)}
                title={editable ? 'Click to jump · Alt+↑/↓ or drag to reorder' : 'Click to jump'}
              >
                <span className={`status-dot status-${item.status}`} title={NARRATIVE_STATUS_LABELS[item.status]} />
                <span className="outline-title" title={item.title || undefined}>
                  {item.title || 'Untitled narrative'}
                </span>
                {item.persona && <span className="outline-persona">{item.persona}</span>}
              </button>
            </li>
          ))}
          {dropBefore === null && <li className="outline-drop-end" aria-hidden="true" />}
        </ol>
      )}
    </aside>
  );
});
