/**
 * In the desktop app the native menu owns these shortcuts; in a browser the page listens for them itself.
 * Browsers keep Ctrl/Cmd+N for a new window, so "new playbook" is Ctrl/Cmd+Alt+N there.
 */
import type { MenuCommand } from '@shared/ipc/contract';

interface Shortcut {
  key: string;
  shift?: boolean;
  alt?: boolean;
  command: MenuCommand;
}

const SHORTCUTS: Shortcut[] = [
  { key: 'n', alt: true, command: 'playbook:new' },
  { key: 'e', shift: true, command: 'workspace:export' },
  { key: 'o', shift: true, command: 'workspace:import' },
  { key: '\\', command: 'view:toggle-outline' },
  { key: '/', command: 'help:shortcuts' },
  { key: 'f', command: 'edit:find' },
];

/** True on macOS, where the primary modifier is ⌘ instead of Ctrl. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Maps a keydown to a menu command, or null. */
export function shortcutCommand(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): MenuCommand | null {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  if (!mod) return null;
  const key = event.key.toLowerCase();
  const match = SHORTCUTS.find(
    (s) =>
      (s.key === key || (s.alt && event.code === `Key${s.key.toUpperCase()}`)) &&
      !!s.shift === event.shiftKey &&
      !!s.alt === event.altKey,
  );
  return match?.command ?? null;
}

/** Listens for the shortcuts on the window; returns the disposer. */
export function listenForBrowserShortcuts(listener: (command: MenuCommand) => void): () => void {
  const handleKeyDown = (event: KeyboardEvent): void => {
    const command = shortcutCommand(event);
    if (command === null) return;
    event.preventDefault();
    listener(command);
  };
  window.addEventListener('keydown', handleKeyDown);
  return () => window.removeEventListener('keydown', handleKeyDown);
}
