import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, MENU_EVENT_CHANNEL, type MenuCommand } from '@shared/ipc/contract';
import { buildMenuTemplate } from '../../../../../electron/main/menu/buildMenuTemplate';
import { createMenuCommandSender } from '../../../../../electron/main/menu/sendMenuCommand';

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error('expected a submenu');
  return item.submenu as MenuItemConstructorOptions[];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((top) => [
    top,
    ...(Array.isArray(top.submenu) ? allItems(top.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(platform: NodeJS.Platform, isDev = false) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ platform, send, isDev });
  const byCommand = (command: MenuCommand) => allItems(template).find((item) => item.id === command);
  return { template, send, byCommand, labels: template.map((item) => item.label ?? item.role) };
}

describe('the menu offers Duet’s commands with their shortcuts', () => {
  it.each([
    ['playbook:new', 'CmdOrCtrl+N'],
    ['workspace:import', 'CmdOrCtrl+Shift+O'],
    ['workspace:export', 'CmdOrCtrl+Shift+E'],
    ['edit:find', 'CmdOrCtrl+F'],
    ['search:open', 'CmdOrCtrl+P'],
    ['view:toggle-outline', 'CmdOrCtrl+\\'],
    ['help:shortcuts', 'CmdOrCtrl+/'],
  ] as const)('%s has %s', (command, accelerator) => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(build(platform).byCommand(command)?.accelerator).toBe(accelerator);
    }
  });

  it('every menu command, when clicked, sends exactly that command to the page', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { byCommand, send } = build(platform);
      // 'workspace:open-file' is main announcing a file the OS handed over, not something a user clicks.
      for (const command of MENU_COMMANDS.filter((c) => c !== 'workspace:open-file')) {
        const item = byCommand(command);
        expect(item, `${command} on ${platform}`).toBeDefined();
        send.mockClear();
        (item?.click as () => void)();
        expect(send).toHaveBeenCalledExactlyOnceWith(command);
      }
    }
  });

  it('no two items share an accelerator', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const accelerators = allItems(build(platform, true).template).flatMap((item) =>
        item.accelerator ? [String(item.accelerator)] : [],
      );
      expect(new Set(accelerators).size).toBe(accelerators.length);
      // Ctrl+Shift+I is Chromium's devtools shortcut; Duet must not take it.
      expect(accelerators).not.toContain('CmdOrCtrl+Shift+I');
    }
  });
});

describe('the menu follows each platform’s conventions', () => {
  it('macOS gets the app menu first, with About, and a Window menu', () => {
    const { template, labels } = build('darwin');
    expect(labels).toEqual(['Duet', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
    const appMenu = submenu(template[0]);
    expect(appMenu[0]?.id).toBe('help:about');
    expect(appMenu.map((item) => item.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(submenu(template[1]).at(-1)?.role).toBe('close');
    expect(template[5]?.role).toBe('help');
  });

  it('Windows and Linux get File → Quit and About in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, labels } = build(platform);
      expect(labels).toEqual(['&File', '&Edit', '&View', '&Help']);
      expect(submenu(template[0]).at(-1)?.role).toBe('quit');
      expect(
        submenu(template[3])
          .map((item) => item.id)
          .filter(Boolean),
      ).toEqual(['help:shortcuts', 'help:about']);
    }
  });

  it('Edit has the standard editing roles, Find and Search', () => {
    const roles = submenu(build('linux').template[1]).map((item) => item.role ?? item.id ?? item.type);
    expect(roles).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'separator',
      'edit:find',
      'search:open',
    ]);
  });

  it('reload and developer tools exist only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(build('linux', isDev).template[2])
        .map((item) => item.role)
        .filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});

describe('menu commands reach the page over the one menu channel', () => {
  it('sends to the live window', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    createMenuCommandSender(() => target)('edit:find');
    expect(target.send).toHaveBeenCalledWith(MENU_EVENT_CHANNEL, 'edit:find');
  });

  it('reports, rather than throws, a shortcut pressed with no window open', () => {
    const info = vi.spyOn(console, 'log').mockImplementation(() => {});
    const destroyed = { isDestroyed: () => true, send: vi.fn() };
    createMenuCommandSender(() => null)('playbook:new');
    createMenuCommandSender(() => destroyed)('playbook:new');
    expect(destroyed.send).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledTimes(2);
    info.mockRestore();
  });
});
