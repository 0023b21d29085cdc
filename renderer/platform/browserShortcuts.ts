/**
 * In the desktop app the native menu owns the window-wide shortcuts; in a browser the page listens for them
 * itself. Both come from the command registry (shared/commands): here, every window command with a menu
 * entry and a browser shortcut (browsers keep Ctrl/Cmd+N for a new window, so "new playbook" has its own).
 */
import { COMMANDS, keysOf } from '@shared/commands/commandRegistry';
import { matchesChord, parseKeys, type KeyEventLike } from '@shared/commands/keys';
import { isMenuCommand, type MenuCommand } from '@shared/ipc/contract';
import { IS_MAC } from './os';

const SHORTCUTS = COMMANDS.flatMap((def) => {
  const keys = keysOf(def, 'browser');
  return def.scope === 'window' && def.menu && keys !== null && isMenuCommand(def.id)
    ? [{ chord: parseKeys(keys), command: def.id as MenuCommand }]
    : [];
});

/** Maps a keydown to a menu command, or null. */
export function shortcutCommand(event: KeyEventLike): MenuCommand | null {
  return SHORTCUTS.find((s) => matchesChord(event, s.chord, IS_MAC))?.command ?? null;
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
