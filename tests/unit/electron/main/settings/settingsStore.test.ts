import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { createSettingsStore, type SettingsBacking } from '../../../../../electron/main/settings/settingsStore';

/** A backing store that remembers what was written, like electron-store's `store` property. */
function memoryBacking(initial: Record<string, unknown> = {}): SettingsBacking & { writes: number } {
  let data = structuredClone(initial);
  return {
    writes: 0,
    get store() {
      return structuredClone(data);
    },
    set store(value) {
      this.writes += 1;
      data = structuredClone(value);
    },
  };
}

describe('settings survive hand edits and old versions', () => {
  it('keeps valid fields and resets only the broken ones', () => {
    const store = createSettingsStore(memoryBacking({ displayName: 'Ada', role: 'pirate', workspaces: 'nope' }));
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, displayName: 'Ada' });
  });

  it('starts from defaults when the file is empty', () => {
    expect(createSettingsStore(memoryBacking()).get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the renderer can change its settings but not the window’s place', () => {
  it('saves a valid patch and returns the new settings', () => {
    const backing = memoryBacking();
    const store = createSettingsStore(backing);
    const result = store.update({ displayName: 'Grace', role: 'sales' });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, displayName: 'Grace', role: 'sales' } });
    expect(store.get().role).toBe('sales');
  });

  it.each([
    [{ windowBounds: { x: 0, y: 0, width: 800, height: 600 } }],
    [{ displayName: 'x'.repeat(81) }],
    [{ role: 'admin' }],
    [{ unknownKey: true }],
    [{ activeWorkspaceId: '../../etc' }],
    [null],
    ['displayName=Ada'],
    [[]],
  ])('refuses %j with a message and writes nothing', (patch) => {
    const backing = memoryBacking();
    const result = createSettingsStore(backing).update(patch);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Settings were not saved/);
    expect(backing.writes).toBe(0);
  });

  it('the main process remembers window bounds', () => {
    const store = createSettingsStore(memoryBacking({ displayName: 'Ada' }));
    const bounds = { x: 10, y: 20, width: 1000, height: 700, maximized: true };
    expect(store.setWindowBounds(bounds).ok).toBe(true);
    expect(store.get()).toMatchObject({ displayName: 'Ada', windowBounds: bounds });
  });

  it('treats invalid bounds from the main process as a bug', () => {
    const store = createSettingsStore(memoryBacking());
    expect(() => store.setWindowBounds({ x: 0.5, y: 0, width: 10, height: 10 })).toThrow();
  });

  it('reports a disk that refuses the write as a result, not a crash', () => {
    const store = createSettingsStore({
      get store() {
        return {};
      },
      set store(_value) {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    expect(store.update({ displayName: 'Ada' })).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('not allowed') },
    });
  });
});
