/**
 * Ctrl/⌘-click on a link opens it — through the host, which opens only http(s) and mailto targets in the
 * system browser. A plain click keeps editing, as in every editor.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { isSafeLinkUrl } from '@shared/domain/url';
import { IS_MAC } from '../../platform/os';
import { platform } from '../../platform/platform';

/** Registers the link-opening click handler. */
export function LinkOpenPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const handleClick = (event: MouseEvent): void => {
      const anchor = (event.target as HTMLElement | null)?.closest('a');
      if (!anchor) return;
      event.preventDefault(); // links never navigate the app window
      const href = anchor.getAttribute('href') ?? '';
      if ((IS_MAC ? event.metaKey : event.ctrlKey) && isSafeLinkUrl(href)) {
        void platform.invoke('shell:openExternal', href).then((result) => {
          if (!result.ok) console.warn('[links] refused to open', result.error.message);
        });
      }
    };
    let current: HTMLElement | null = null;
    const unregister = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', handleClick);
      root?.addEventListener('click', handleClick);
      current = root;
    });
    return () => {
      unregister();
      current?.removeEventListener('click', handleClick);
    };
  }, [editor]);
  return null;
}
