/** Pure reordering of the chosen slides (keyboard moves and drops). */
import type { SlideOptions } from '@shared/deck/deckModel';

/** Moves the slide `id` one place up (-1) or down (1); returns the same array when it cannot move. */
export function moveItem(slides: SlideOptions[], id: string, direction: -1 | 1): SlideOptions[] {
  const from = slides.findIndex((s) => s.narrativeId === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= slides.length) return slides;
  const next = [...slides];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Moves the slide `id` to the place of `beforeId` (dropping onto a row takes its place). */
export function moveItemBefore(slides: SlideOptions[], id: string, beforeId: string): SlideOptions[] {
  const from = slides.findIndex((s) => s.narrativeId === id);
  const to = slides.findIndex((s) => s.narrativeId === beforeId);
  if (from < 0 || to < 0 || from === to) return slides;
  const next = [...slides];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
