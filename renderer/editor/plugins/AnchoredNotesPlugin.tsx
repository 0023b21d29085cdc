/**
 * Notes anchored to the words of narratives: every anchor that still finds its words is highlighted with
 * the CSS Custom Highlight API (`::highlight(duet-note)`), which paints DOM Ranges without adding a single
 * node — the editor's document, and so the playbook, is never touched. For people who may write notes a
 * small "Add note" button floats over words selected inside one narrative, also in a read-only editor.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCommand } from '../../commands';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { $anchorFromSelection, $anchorRanges, type NoteAnchor } from './anchorDom';

/** The highlight name; styled by `::highlight(duet-note)`. */
export const NOTE_HIGHLIGHT = 'duet-note';
/** How long the highlights wait for typing to pause before they are computed again. */
const HIGHLIGHT_DEBOUNCE_MS = 150;

/** Props of AnchoredNotesPlugin. */
export interface AnchoredNotesPluginProps {
  /** The anchors to highlight. Keep the array stable between changes. */
  anchors: readonly NoteAnchor[];
  /** Starts a note on the selected words; absent for people who may not write notes (no button then). */
  onAddNote?: (anchor: NoteAnchor) => void;
}

/** Highlights anchored notes and offers "Add note" on a selection. */
export function AnchoredNotesPlugin({ anchors, onAddNote }: AnchoredNotesPluginProps) {
  useNoteHighlights(anchors);
  return onAddNote ? <AddNoteButton onAddNote={onAddNote} /> : null;
}

function useNoteHighlights(anchors: readonly NoteAnchor[]): void {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
      console.warn('[notes] this browser cannot highlight anchored notes');
      return;
    }
    const paint = (): void => {
      const ranges = editor.read(() => $anchorRanges(editor, anchors));
      CSS.highlights.set(NOTE_HIGHLIGHT, new Highlight(...ranges));
    };
    paint();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unregister = editor.registerUpdateListener(() => {
      clearTimeout(timer);
      timer = setTimeout(paint, HIGHLIGHT_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
      CSS.highlights.delete(NOTE_HIGHLIGHT);
    };
  }, [editor, anchors]);
}

type Offer = { anchor: NoteAnchor; top: number; left: number };

function AddNoteButton({ onAddNote }: { onAddNote: (anchor: NoteAnchor) => void }) {
  const [editor] = useLexicalComposerContext();
  const [offer, setOffer] = useState<Offer | null>(null);
  const current = useRef<Offer | null>(null);
  current.current = offer;
  // Mod+Alt+M (as in other editors' "comment") adds a note to the selected words without the mouse; the
  // registry hears it (listenForPlaybookShortcuts). A press made before the notes were loaded comes back
  // this way too (useEarlyCommands), when no offer has been computed yet — so the selection is read now.
  useCommand('note:add', () => {
    const anchor = current.current?.anchor ?? editor.read(() => $anchorFromSelection(editor, window.getSelection()));
    if (anchor === null) return;
    onAddNote(anchor);
    setOffer(null);
  });

  useEffect(() => {
    let frame = 0;
    const update = (): void => {
      cancelAnimationFrame(frame);
      // Typing moves a collapsed caret on every key: there is nothing to offer, so no frame is asked for
      // (one per keystroke was an extra rendering pass on every key, about a third of the typing cost
      // over a bare editor).
      if (window.getSelection()?.isCollapsed !== false) {
        if (current.current !== null) setOffer(null);
        return;
      }
      frame = requestAnimationFrame(() => {
        const selection = window.getSelection();
        const anchor = editor.read(() => $anchorFromSelection(editor, selection));
        if (anchor === null || selection === null) return setOffer(null);
        const rect = selection.getRangeAt(0).getBoundingClientRect();
        // Above the words when there is room, else below; never off the window's edges.
        const top = rect.top > 56 ? rect.top - 40 : rect.bottom + 8;
        const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 50), window.innerWidth - 120);
        setOffer({ anchor, top, left });
      });
    };
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOffer(null);
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('keydown', handleKeyDown);
    // Words may be selected already: the notes open a moment after the text shows, and a quick reader may
    // have selected before this button could be offered.
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('keydown', handleKeyDown);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [editor, onAddNote]);

  if (offer === null) return null;
  return createPortal(
    <button
      type="button"
      className="add-note-button"
      style={{ top: offer.top, left: offer.left }}
      data-testid="add-note"
      title="Add a note to these words (Ctrl+Alt+M, ⌘⌥M on a Mac)"
      // Keeps the selection (and so the offer) while the button is pressed.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        onAddNote(offer.anchor);
        setOffer(null);
      }}
    >
      <span aria-hidden="true" className="add-note-icon">
        ✎
      </span>
      Add note
    </button>,
    document.body,
  );
}
