/**
 * The chosen narratives in slide order, with each slide's options. Reorder by dragging a row or, from the
 * keyboard, Alt+↑ / Alt+↓ on the focused row (focus follows the row it moved).
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DeckNarrative, SlideOptions } from '@shared/deck/deckModel';
import { moveItem, moveItemBefore } from './slideOrder';

/** Props of SlideOrderList. */
export interface SlideOrderListProps {
  slides: SlideOptions[];
  narratives: ReadonlyMap<string, DeckNarrative>;
  onChange: (slides: SlideOptions[]) => void;
}

/** The ordered list of chosen narratives. */
export function SlideOrderList({ slides, narratives, onChange }: SlideOrderListProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusId === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-slide-id="${CSS.escape(focusId)}"]`)?.focus();
    setFocusId(null);
  }, [focusId, slides]);

  const patch = (id: string, change: Partial<SlideOptions>): void =>
    onChange(slides.map((s) => (s.narrativeId === id ? { ...s, ...change } : s)));
  const move = (id: string, direction: -1 | 1): void => {
    const next = moveItem(slides, id, direction);
    if (next !== slides) {
      onChange(next);
      setFocusId(id);
    }
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string): void => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (event.target !== event.currentTarget) return; // not while a checkbox inside has focus
    event.preventDefault();
    move(id, event.key === 'ArrowUp' ? -1 : 1);
  };
  const handleDrop = (event: DragEvent<HTMLLIElement>, beforeId: string): void => {
    event.preventDefault();
    if (dragging !== null) onChange(moveItemBefore(slides, dragging, beforeId));
    setDragging(null);
  };

  if (slides.length === 0) return <p className="muted deck-empty">Pick narratives on the left to build the deck.</p>;
  return (
    <ol className="deck-order" ref={listRef} aria-label="Slide order" data-testid="deck-order">
      {slides.map((slide, index) => {
        const narrative = narratives.get(slide.narrativeId);
        const title = narrative?.title || 'Untitled narrative';
        return (
          <li
            key={slide.narrativeId}
            data-slide-id={slide.narrativeId}
            className={dragging === slide.narrativeId ? 'deck-order-item is-dragging' : 'deck-order-item'}
            tabIndex={0}
            draggable
            aria-label={`${index + 1}. ${title}. Alt+Up or Alt+Down to move.`}
            onKeyDown={(e) => handleKeyDown(e, slide.narrativeId)}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', slide.narrativeId);
              setDragging(slide.narrativeId);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => handleDrop(e, slide.narrativeId)}
            onDragEnd={() => setDragging(null)}
          >
            <span className="deck-grip" aria-hidden="true">
              ⋮⋮
            </span>
            <span className="deck-order-title" data-testid="deck-order-title">
              {title}
            </span>
            <label>
              <input
                type="checkbox"
                checked={slide.showProofPoints}
                onChange={(e) => patch(slide.narrativeId, { showProofPoints: e.target.checked })}
              />
              Proof points
            </label>
            <label>
              <input
                type="checkbox"
                checked={slide.showEvidence}
                onChange={(e) => patch(slide.narrativeId, { showEvidence: e.target.checked })}
              />
              Win evidence
            </label>
            <span className="deck-order-moves">
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${title} up`}
                disabled={index === 0}
                onClick={() => move(slide.narrativeId, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${title} down`}
                disabled={index === slides.length - 1}
                onClick={() => move(slide.narrativeId, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
