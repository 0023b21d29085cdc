// Markdown shortcuts are checked only after a character that can complete one: "## " still makes a heading
// and "**bold**" still turns bold, while plain words queue no second editor update per key (each copies the
// whole node map: in a 5,000-paragraph playbook that was a second update cycle on every keystroke).
import { $isHeadingNode } from '@lexical/rich-text';
import { registerMarkdownShortcuts } from '@lexical/markdown';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { PLAYBOOK_MARKDOWN_SHORTCUTS } from '../../../../renderer/editor/markdownShortcuts';
import { hearingOnlyTriggers, triggerCharacters } from '../../../../renderer/editor/markdownTriggers';
import { $findNarrative } from '../../../../renderer/editor/narrativeOps';
import { headlessPlaybookEditor } from './headlessEditor';

const TRIGGERS = triggerCharacters(PLAYBOOK_MARKDOWN_SHORTCUTS);

/** A playbook with the caret in a new, empty body paragraph, and the shortcuts registered as `how`. */
function playbook(how: 'filtered' | 'lexical'): { editor: LexicalEditor; updates: ReturnType<typeof vi.fn> } {
  const editor = headlessPlaybookEditor(
    {
      intro: [],
      narratives: [{ id: 'a', title: 'Downtime', keyMessage: 'Every hour costs', body: [{ p: 'Story.' }] }],
    },
    () => {
      const paragraph = $createParagraphNode();
      $findNarrative('a')!.append(paragraph);
      paragraph.select();
    },
  );
  const updates = vi.spyOn(editor, 'update');
  registerMarkdownShortcuts(
    how === 'filtered' ? hearingOnlyTriggers(editor, TRIGGERS) : editor,
    PLAYBOOK_MARKDOWN_SHORTCUTS,
  );
  updates.mockClear();
  return { editor, updates: updates as unknown as ReturnType<typeof vi.fn> };
}

/** Types `text` one character per update, as keystrokes arrive. */
function type(editor: LexicalEditor, text: string): void {
  for (const character of text)
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(character);
      },
      { discrete: true },
    );
}

const lastBlock = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => {
    const block = $findNarrative('a')!.getLastChild()!;
    return { heading: $isHeadingNode(block) ? block.getTag() : null, text: block.getTextContent() };
  });

describe('markdown shortcuts checked only after a trigger character', () => {
  it('knows which characters can complete a shortcut', () => {
    for (const character of [' ', '*', '_', '~', '`']) expect(TRIGGERS.has(character)).toBe(true);
    for (const character of ['a', 'Z', '7', '.', '#', '-']) expect(TRIGGERS.has(character)).toBe(false);
  });

  it('still turns "## " into a heading and **words** bold', () => {
    const { editor } = playbook('filtered');
    type(editor, '## Plan ahead');
    expect(lastBlock(editor)).toEqual({ heading: 'h2', text: 'Plan ahead' });

    const next = playbook('filtered').editor;
    type(next, 'It is **fast** now');
    const bold = next.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((node) => $isTextNode(node) && node.hasFormat('bold'))
        .map((node) => node.getTextContent()),
    );
    expect(bold).toEqual(['fast']);
  });

  it('queues no second update for plain words, where Lexical alone queues one per character', () => {
    const filtered = playbook('filtered');
    type(filtered.editor, 'abcd efgh');
    // Nine keystrokes, nine updates, plus one check after the space.
    expect(filtered.updates).toHaveBeenCalledTimes(10);

    const lexical = playbook('lexical');
    type(lexical.editor, 'abcd efgh');
    expect(lexical.updates).toHaveBeenCalledTimes(18);
    expect(lastBlock(lexical.editor)).toEqual(lastBlock(filtered.editor));
  });
});
