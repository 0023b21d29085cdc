/** Markdown-style typing shortcuts with the playbook's transformers (loaded once the content is shown). */
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { PLAYBOOK_MARKDOWN_SHORTCUTS } from '../markdownShortcuts';

/** Registers the shortcuts; renders nothing. */
export function MarkdownShortcuts() {
  return <MarkdownShortcutPlugin transformers={PLAYBOOK_MARKDOWN_SHORTCUTS} />;
}
