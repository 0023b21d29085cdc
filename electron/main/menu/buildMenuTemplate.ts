/**
 * The native menu. Items that are Duet features only send a command to the renderer (which owns the
 * behaviour and may also offer it elsewhere); everything else is an Electron role, so text editing, zoom
 * and window management behave exactly like the platform's own apps.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, commandById, keysOf } from '@shared/commands/commandRegistry';
import { toAccelerator } from '@shared/commands/keys';
import type { MenuCommand } from '@shared/ipc/contract';

/** Inputs of the template; `send` delivers a command to the focused Duet window. */
export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  send: (command: MenuCommand) => void;
  /** Reload and developer tools are only offered in development builds. */
  isDev: boolean;
  appName?: string;
  /** File → Open Recent (recentWorkspacesMenu.ts), placed after Import. */
  recentWorkspaces?: MenuItemConstructorOptions;
}

/**
 * Accelerators of the menu commands, generated from the command registry (shared/commands). Import uses
 * Shift+O ("open") because Ctrl+Shift+I is Chromium's developer tools shortcut on Windows and Linux.
 */
export const MENU_ACCELERATORS: Partial<Record<MenuCommand, string>> = Object.fromEntries(
  COMMANDS.flatMap((def) => {
    const keys = keysOf(def, 'electron');
    return def.menu && keys !== null ? [[def.id, toAccelerator(keys)]] : [];
  }),
);

/** Builds the menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, send, isDev } = options;
  const appName = options.appName ?? 'Duet';
  const isMac = platform === 'darwin';
  // Label and accelerator come from the registry; `label` only where the menu words it differently.
  const command = (name: MenuCommand, label: string = commandById(name).label): MenuItemConstructorOptions => {
    const accelerator = MENU_ACCELERATORS[name];
    return { label, id: name, ...(accelerator ? { accelerator } : {}), click: () => send(name) };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      command('help:about', `About ${appName}`),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('playbook:new'),
      separator,
      command('workspace:import'),
      ...(options.recentWorkspaces ? [options.recentWorkspaces] : []),
      command('workspace:export'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'selectAll' },
      separator,
      command('edit:find', 'Find…'),
      command('search:open'),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('view:toggle-outline', 'Toggle outline'),
      separator,
      ...(isDev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            separator,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const helpMenu: MenuItemConstructorOptions = {
    // On macOS the 'help' role adds the system's menu search field.
    ...(isMac ? { role: 'help' as const } : {}),
    label: '&Help',
    submenu: [command('help:shortcuts'), ...(isMac ? [] : [separator, command('help:about', `About ${appName}`)])],
  };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}
