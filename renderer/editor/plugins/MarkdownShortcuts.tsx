/**
 * Markdown-style typing shortcuts with the playbook's transformers (loaded once the content is shown).
 * Lexical checks for a completed shortcut only after characters that can complete one (markdownTriggers.ts).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerMarkdownShortcuts } from '@lexical/markdown';
import { useEffect } from 'react';
import { PLAYBOOK_MARKDOWN_SHORTCUTS } from '../markdownShortcuts';
import { hearingOnlyTriggers, triggerCharacters } from '../markdownTriggers';

const TRIGGERS = triggerCharacters(PLAYBOOK_MARKDOWN_SHORTCUTS);

/** Registers the shortcuts; renders nothing. */
export function MarkdownShortcuts() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => registerMarkdownShortcuts(hearingOnlyTriggers(editor, TRIGGERS), PLAYBOOK_MARKDOWN_SHORTCUTS),
    [editor],
  );
  return null;
}
