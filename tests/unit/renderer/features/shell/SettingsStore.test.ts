import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, pushRecent, type Settings, type SettingsPatch } from '../../../../../shared/domain/settings';
import { SettingsStore } from '../../../../../renderer/features/shell/SettingsStore';

/** A platform that stores patches after a delay, like the IPC round trip, and can refuse one. */
function slowPlatform(refuse: (patch: SettingsPatch) => boolean = () => false) {
  let stored: Settings = { ...DEFAULT_SETTINGS, workspaces: [{ id: 'acme', name: 'Acme' }] };
  return {
    initial: stored,
    save: async (patch: SettingsPatch): Promise<Settings> => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (refuse(patch)) throw new Error('[settings] refused');
      // Like the real host: a fresh object each time, even for fields the patch did not touch.
      stored = JSON.parse(JSON.stringify({ ...stored, ...patch })) as Settings;
      return stored;
    },
  };
}

describe('settings store', () => {
  it('a write shows only after it is stored, and tells subscribers once', async () => {
    const platform = slowPlatform();
    const settings = new SettingsStore(platform.initial, platform.save);
    let told = 0;
    settings.subscribe(() => told++);
    const writing = settings.update({ displayName: 'Maya' });
    expect(settings.get().displayName).toBe('');
    await writing;
    expect(settings.get().displayName).toBe('Maya');
    expect(told).toBe(1);
  });

  it('fields a write did not change keep their objects, so their readers do not re-render', async () => {
    const platform = slowPlatform();
    const settings = new SettingsStore(platform.initial, platform.save);
    const workspacesBefore = settings.get().workspaces;
    await settings.update({ recentPlaybooks: [{ workspaceId: 'acme', playbookId: 'p1' }] });
    expect(settings.get().workspaces).toBe(workspacesBefore);
    const before = settings.get();
    let told = 0;
    settings.subscribe(() => told++);
    await settings.update({ displayName: '' }); // no change at all
    expect(settings.get()).toBe(before);
    expect(told).toBe(0);
  });

  it('quick playbook switches each land in the recent list (no write is computed from stale settings)', async () => {
    const platform = slowPlatform();
    const settings = new SettingsStore(platform.initial, platform.save);
    const open = (playbookId: string) =>
      settings.update((s) => ({ recentPlaybooks: pushRecent(s.recentPlaybooks, { workspaceId: 'acme', playbookId }) }));
    await Promise.all([open('p1'), open('p2'), open('p3')]);
    expect(settings.get().recentPlaybooks.map((r) => r.playbookId)).toEqual(['p3', 'p2', 'p1']);
  });

  it('a refused write rejects and changes nothing, and the next write still goes through', async () => {
    const platform = slowPlatform((patch) => patch.displayName === 'refuse me');
    const settings = new SettingsStore(platform.initial, platform.save);
    const refused = settings.update({ displayName: 'refuse me' });
    const next = settings.update({ theme: 'dark' });
    await expect(refused).rejects.toThrow('refused');
    await next;
    expect(settings.get()).toMatchObject({ displayName: '', theme: 'dark' });
  });
});
