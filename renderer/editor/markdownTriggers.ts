/**
 * Lexical's `registerMarkdownShortcuts` queues an `editor.update` after every typed character to see
 * whether it completed a shortcut; each update copies the editor state's node map, so in a 5,000-paragraph
 * playbook every keystroke paid for a second full update cycle. Only some characters can complete a
 * shortcut — the whitespace that ends a block shortcut ("## ", "- ", "1. ", "> "), the last character of a
 * text format's tag (the "*" that closes "**bold**"), a text-match trigger — so its listener is told only of
 * updates that typed one of those (`hearingOnlyTriggers`), and decides the rest exactly as before.
 */
import type { Transformer } from '@lexical/markdown';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMPOSITION_END_TAG,
  type LexicalEditor,
  type UpdateListener,
} from 'lexical';

/** The characters after which `transformers` may apply. */
export function triggerCharacters(transformers: readonly Transformer[]): ReadonlySet<string> {
  // A space typed at the end of a line may be stored as a no-break space; a tab can end a list marker.
  const triggers = new Set([' ', '\u00a0', '\t']);
  for (const transformer of transformers) {
    if (transformer.type === 'text-format') triggers.add(transformer.tag.slice(-1));
    else if (transformer.type === 'text-match' && transformer.trigger !== undefined) triggers.add(transformer.trigger);
  }
  return triggers;
}

/** Read in an update's editor state: the character just before a collapsed caret in text, else null. */
export function $typedCharacter(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || selection.anchor.offset === 0) return null;
  return node.getTextContent()[selection.anchor.offset - 1] ?? null;
}

/**
 * `editor` as `registerMarkdownShortcuts` should see it: the same editor (every property and method is the
 * real one's, called on it), except that its update listeners hear only updates that typed a trigger.
 */
export function hearingOnlyTriggers(editor: LexicalEditor, triggers: ReadonlySet<string>): LexicalEditor {
  const registerUpdateListener = (listener: UpdateListener): (() => void) =>
    editor.registerUpdateListener((payload) => {
      // A composition (IME) commit may add several characters at once: Lexical checks those itself.
      if (!payload.tags.has(COMPOSITION_END_TAG)) {
        const typed = payload.editorState.read($typedCharacter);
        if (typed === null || !triggers.has(typed)) return;
      }
      listener(payload);
    });
  return new Proxy(editor, {
    get(target, property) {
      if (property === 'registerUpdateListener') return registerUpdateListener;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
