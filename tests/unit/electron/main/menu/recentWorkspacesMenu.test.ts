import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../../../electron/main/menu/buildMenuTemplate';
import { buildRecentWorkspacesMenu, recentLabels } from '../../../../../electron/main/menu/recentWorkspacesMenu';

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];

describe('File → Open Recent', () => {
  it('lists each file by name and opens the one clicked', () => {
    const open = vi.fn();
    const menu = buildRecentWorkspacesMenu(['/home/ana/Acme.duet', '/home/ana/Fernway.duet'], { open, clear: vi.fn() });
    expect(items(menu).map((i) => i.label)).toEqual(['Acme.duet', 'Fernway.duet', undefined, 'Clear Recent']);
    expect(items(menu)[0]!.toolTip).toBe('/home/ana/Acme.duet');
    (items(menu)[1]!.click as () => void)();
    expect(open).toHaveBeenCalledWith('/home/ana/Fernway.duet');
  });

  it('says there is nothing yet, rather than showing an empty submenu', () => {
    const menu = buildRecentWorkspacesMenu([], { open: vi.fn(), clear: vi.fn() });
    expect(items(menu)).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('tells files of the same name apart by their folder, and shows an ampersand as itself', () => {
    expect(recentLabels(['/a/Q1.duet', '/b/Q1.duet', '/c/R&D.duet'])).toEqual([
      'Q1.duet — /a',
      'Q1.duet — /b',
      'R&&D.duet',
    ]);
  });

  it('clears the list', () => {
    const clear = vi.fn();
    const menu = buildRecentWorkspacesMenu(['/a.duet'], { open: vi.fn(), clear });
    (items(menu).at(-1)!.click as () => void)();
    expect(clear).toHaveBeenCalled();
  });

  it('sits in the File menu right after Import', () => {
    const recentWorkspaces = buildRecentWorkspacesMenu(['/a.duet'], { open: vi.fn(), clear: vi.fn() });
    for (const platform of ['darwin', 'linux'] as const) {
      const template = buildMenuTemplate({ platform, send: vi.fn(), isDev: false, recentWorkspaces });
      const file = items(template.find((m) => m.label === '&File')!);
      const importAt = file.findIndex((i) => i.id === 'workspace:import');
      expect(file[importAt + 1]!.id).toBe('file:recent');
    }
  });
});
