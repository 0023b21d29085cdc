import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@shared/result';
import { createRecentFiles, MAX_RECENT_FILES, pushRecentFile } from '../../../../../electron/main/files/recentFiles';

function setup(initial: string[] = []) {
  let stored = initial;
  const deps = {
    read: () => stored,
    write: vi.fn((next: string[]) => {
      stored = next;
      return ok(null);
    }),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    changed: vi.fn(),
  };
  return { recent: createRecentFiles(deps), deps, stored: () => stored };
}

describe('recent workspace files', () => {
  it('puts the newest first without duplicates, keeping at most ten', () => {
    expect(pushRecentFile(['/a.duet', '/b.duet'], '/b.duet')).toEqual(['/b.duet', '/a.duet']);
    const many = Array.from({ length: 15 }, (_, i) => `/${i}.duet`);
    expect(pushRecentFile(many, '/new.duet')).toHaveLength(MAX_RECENT_FILES);
    expect(pushRecentFile(many, '/new.duet')[0]).toBe('/new.duet');
  });

  it('tells the OS’s recent documents and rebuilds the menu on every change', () => {
    const { recent, deps, stored } = setup(['/old.duet']);
    recent.add('/home/ana/Acme.duet');
    expect(deps.addRecentDocument).toHaveBeenCalledWith('/home/ana/Acme.duet');
    expect(stored()).toEqual(['/home/ana/Acme.duet', '/old.duet']);
    expect(deps.changed).toHaveBeenLastCalledWith(['/home/ana/Acme.duet', '/old.duet']);
    recent.remove('/old.duet');
    expect(stored()).toEqual(['/home/ana/Acme.duet']);
    recent.clear();
    expect(deps.clearRecentDocuments).toHaveBeenCalledTimes(1);
    expect(stored()).toEqual([]);
    expect(deps.changed).toHaveBeenLastCalledWith([]);
  });

  it('a settings file that cannot be written costs the entry, not the import', () => {
    const { recent, deps } = setup();
    deps.write.mockReturnValueOnce(fail('io', 'disk full'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => recent.add('/a.duet')).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    warn.mockRestore();
  });
});
