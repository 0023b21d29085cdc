/**
 * Editor plugins nobody needs in the first moment of an open — the Markdown typing shortcuts (with
 * @lexical/markdown and the code highlighter it brings, ~20 kB) — load once the playbook's content is on
 * screen, so the script a returning user waits for before the text shows does not include them.
 */
import { lazyPart } from '../../ui/lazyPart';
import { useContentShown } from './useContentShown';

const MarkdownShortcuts = lazyPart(() => import('./MarkdownShortcuts'), 'MarkdownShortcuts', {
  label: 'Loading the Markdown shortcuts…',
  shape: 'quiet',
});

/** Mounts the deferred plugins once the content is shown; renders nothing visible. */
export function DeferredPlugins() {
  return useContentShown() ? <MarkdownShortcuts /> : null;
}
