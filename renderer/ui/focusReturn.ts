/**
 * Giving focus back when a dialog closes. The browser does it for a <dialog> closed with close(), but not for
 * one that React removes while it is open (how most of our dialogs go away), and `element.focus()` is not
 * enough for a rich-text editor: its caret lives in the editor's own state, and a focused editor whose
 * selection the browser reset to its start would take the next keystrokes in the wrong place. So a dialog
 * takes a snapshot of what had focus (and the selection) when it opened and restores it when it closes, and
 * an editor registers how it takes focus back with its selection.
 */

const restorers = new WeakMap<Element, () => void>();

/**
 * Registers how `element` (an editor's root) takes focus back, e.g. with its own selection restored.
 * Returns the disposer.
 */
export function registerFocusReturn(element: HTMLElement, restore: () => void): () => void {
  restorers.set(element, restore);
  return () => {
    if (restorers.get(element) === restore) restorers.delete(element);
  };
}

/** What had focus when a dialog opened, and how to give it back. */
export interface FocusSnapshot {
  /** Gives focus back to what had it (or the selection back, when nothing had focus); a no-op if it is gone. */
  restore: () => void;
}

/** Takes a snapshot of the focused element and the document's selection. */
export function captureFocus(doc: Document = document): FocusSnapshot {
  const active = doc.activeElement;
  const selection = doc.getSelection();
  // A selection in a read-only text has no focused element to go back to: keep the words themselves.
  const range = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  return {
    restore: () => {
      if (active instanceof HTMLElement && active !== doc.body && active.isConnected) {
        for (let node: Element | null = active; node !== null; node = node.parentElement) {
          const restore = restorers.get(node);
          if (restore) return restore();
        }
        active.focus({ preventScroll: true });
        return;
      }
      if (range !== null && range.startContainer.isConnected && range.endContainer.isConnected) {
        const current = doc.getSelection();
        current?.removeAllRanges();
        current?.addRange(range);
      }
    },
  };
}
