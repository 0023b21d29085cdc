import { describe, expect, it } from 'vitest';
import {
  coerceSettings,
  DEFAULT_SETTINGS,
  pushRecent,
  settingsPatchSchema,
  type Settings,
} from '../../../../shared/domain/settings';

const valid: Settings = {
  displayName: 'Ana',
  role: 'sales',
  workspaces: [
    { id: 'acme', name: 'Acme' },
    { id: 'sample', name: 'Sample', sample: true },
  ],
  activeWorkspaceId: 'acme',
  recentPlaybooks: [{ workspaceId: 'acme', playbookId: 'p1' }],
  windowBounds: { x: -1200, y: 40, width: 1280, height: 800, maximized: true },
  host: { port: 4455, shareOnNetwork: true },
  notifyDecisions: true,
  theme: 'dark',
  recentFiles: ['/home/ana/Acme.duet'],
};

describe('reading stored settings', () => {
  it('keeps a valid file as it is', () => {
    expect(coerceSettings(valid)).toEqual(valid);
  });

  it('starts from defaults when the file is missing or not an object', () => {
    for (const raw of [undefined, null, 'settings', 42, [], true])
      expect(coerceSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces only the broken fields, keeping every valid one', () => {
    const out = coerceSettings({
      ...valid,
      role: 'admin',
      activeWorkspaceId: '../etc',
      windowBounds: { x: 0, y: 0, width: 50, height: 50 },
    });
    expect(out).toEqual({ ...valid, role: 'storyteller', activeWorkspaceId: null, windowBounds: null });
  });

  it('drops a list as a whole when one item is invalid, rather than inventing a fix', () => {
    const out = coerceSettings({
      ...valid,
      workspaces: [
        { id: 'ok', name: 'Fine' },
        { id: 'bad id', name: 'x' },
      ],
    });
    expect(out.workspaces).toEqual([]);
    expect(out.displayName).toBe('Ana');
  });

  it('ignores unknown keys, including prototype tricks', () => {
    const raw = JSON.parse('{"displayName":"Bo","__proto__":{"role":"viewer"},"isAdmin":true}');
    const out = coerceSettings(raw);
    expect(out).toEqual({ ...DEFAULT_SETTINGS, displayName: 'Bo' });
    expect(Object.keys(out).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('refuses over-long names and too many recent playbooks', () => {
    const recent = Array.from({ length: 21 }, (_, i) => ({ workspaceId: 'acme', playbookId: `p${i}` }));
    const out = coerceSettings({ ...valid, displayName: 'x'.repeat(81), recentPlaybooks: recent });
    expect(out.displayName).toBe('');
    expect(out.recentPlaybooks).toEqual([]);
  });

  it('does not share default arrays between results, so editing one cannot change the defaults', () => {
    const a = coerceSettings(undefined);
    a.workspaces.push({ id: 'x', name: 'X' });
    expect(coerceSettings(undefined).workspaces).toEqual([]);
    expect(DEFAULT_SETTINGS.workspaces).toEqual([]);
  });
});

describe('what the renderer may change', () => {
  it('accepts a partial change of renderer-owned fields', () => {
    expect(settingsPatchSchema.safeParse({ displayName: 'Bo' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ role: 'marketing', activeWorkspaceId: null }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({}).success).toBe(true);
  });

  it('refuses window bounds, which belong to the main process', () => {
    expect(settingsPatchSchema.safeParse({ windowBounds: valid.windowBounds }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ windowBounds: null }).success).toBe(false);
  });

  it('refuses unknown keys and invalid values', () => {
    expect(settingsPatchSchema.safeParse({ displayName: 'Bo', isAdmin: true }).success).toBe(false);
    expect(settingsPatchSchema.safeParse(JSON.parse('{"__proto__":{"x":1}}')).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ role: 'admin' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ activeWorkspaceId: 'a/b' }).success).toBe(false);
  });
});

describe('the recent playbooks list', () => {
  const entry = (playbookId: string, workspaceId = 'acme') => ({ workspaceId, playbookId });

  it('puts the latest first and moves a repeat to the front instead of listing it twice', () => {
    const list = pushRecent(pushRecent(pushRecent([], entry('a')), entry('b')), entry('a'));
    expect(list).toEqual([entry('a'), entry('b')]);
  });

  it('tells the same playbook id in two workspaces apart', () => {
    expect(pushRecent([entry('p1', 'acme')], entry('p1', 'globex'))).toEqual([
      entry('p1', 'globex'),
      entry('p1', 'acme'),
    ]);
  });

  it('keeps at most 20, dropping the oldest', () => {
    let list: Settings['recentPlaybooks'] = [];
    for (let i = 0; i < 25; i++) list = pushRecent(list, entry(`p${i}`));
    expect(list).toHaveLength(20);
    expect(list[0]).toEqual(entry('p24'));
    expect(list.at(-1)).toEqual(entry('p5'));
  });

  it('leaves the list it was given untouched', () => {
    const before = [entry('a'), entry('b')];
    pushRecent(before, entry('b'));
    expect(before).toEqual([entry('a'), entry('b')]);
  });
});

describe('hosting is remembered', () => {
  it('keeps a valid host setting and drops an impossible port instead of starting on it', () => {
    expect(coerceSettings({ ...valid, host: { port: 4455, shareOnNetwork: false } }).host).toEqual({
      port: 4455,
      shareOnNetwork: false,
    });
    expect(coerceSettings({ ...valid, host: { port: 80, shareOnNetwork: false } }).host).toBeNull();
    expect(coerceSettings({ ...valid, host: 'yes' }).host).toBeNull();
  });
});

describe('appearance and recent files', () => {
  it('follows the system until the user picks light or dark, and an unknown value falls back to the system', () => {
    expect(DEFAULT_SETTINGS.theme).toBe('system');
    expect(coerceSettings({ ...valid, theme: 'sepia' }).theme).toBe('system');
    expect(settingsPatchSchema.safeParse({ theme: 'light' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ theme: 'blue' }).success).toBe(false);
  });

  it('keeps recent workspace files for the main process alone: the renderer cannot write them', () => {
    expect(coerceSettings({ ...valid, recentFiles: 'nope' }).recentFiles).toEqual([]);
    expect(settingsPatchSchema.safeParse({ recentFiles: ['/etc/passwd'] }).success).toBe(false);
  });
});
