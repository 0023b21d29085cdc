/**
 * File → Open Recent: the workspace files opened or saved lately. Built on its own so the File menu only
 * inserts it (buildMenuTemplate's `recentWorkspaces`), and rebuilt whenever the list changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';

/** What the items do. */
export interface RecentWorkspacesActions {
  open(path: string): void;
  clear(): void;
}

/**
 * The menu label of each path: the file name, and where two share a name, the folder after it. An
 * ampersand is doubled so it shows instead of marking a mnemonic.
 */
export function recentLabels(paths: readonly string[]): string[] {
  const names = paths.map((p) => basename(p));
  return paths.map((p, i) => {
    const name = names[i]!;
    const shared = names.filter((n) => n === name).length > 1;
    return (shared ? `${name} — ${dirname(p)}` : name).replace(/&/g, '&&');
  });
}

/** The "Open Recent" submenu item. */
export function buildRecentWorkspacesMenu(
  recent: readonly string[],
  actions: RecentWorkspacesActions,
): MenuItemConstructorOptions {
  const labels = recentLabels(recent);
  const items: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : [
          ...recent.map((path, i) => ({ label: labels[i]!, toolTip: path, click: () => actions.open(path) })),
          { type: 'separator' as const },
          { label: 'Clear Recent', click: () => actions.clear() },
        ];
  return { label: 'Open &Recent', id: 'file:recent', submenu: items };
}
