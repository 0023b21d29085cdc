/**
 * Recent workspace files: the ones imported, opened from the OS or exported, newest first. Kept in
 * settings (main-only, like window bounds) for File → Open Recent, and handed to the OS's own list
 * (`app.addRecentDocument`: the Dock and Jump List), which the OS keeps by itself.
 */
import type { Result } from '@shared/result';

/** How many the menu lists. */
export const MAX_RECENT_FILES = 10;

/** `path` first, without duplicates (compared exactly: paths may be case-sensitive), at most MAX_RECENT_FILES. */
export function pushRecentFile(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
}

/** What the recent list needs (settings store, Electron's `app`, and the menu to rebuild). */
export interface RecentFilesDeps {
  read(): readonly string[];
  write(next: string[]): Result<null>;
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
  /** Called after every change, with the new list (rebuilds the File menu). */
  changed(recent: readonly string[]): void;
}

/** The recent list. */
export interface RecentFiles {
  list(): readonly string[];
  add(path: string): void;
  /** Forgets a file that can no longer be read. */
  remove(path: string): void;
  clear(): void;
}

/** Creates it. A failed write is logged, not thrown: losing a recent entry must not fail an import. */
export function createRecentFiles(deps: RecentFilesDeps): RecentFiles {
  const save = (next: string[]): void => {
    const written = deps.write(next);
    if (!written.ok) console.warn(`[recent] ${written.error.message}`);
    deps.changed(next);
  };
  return {
    list: () => deps.read(),
    add(path) {
      deps.addRecentDocument(path);
      save(pushRecentFile(deps.read(), path));
    },
    remove(path) {
      save(deps.read().filter((p) => p !== path));
    },
    clear() {
      deps.clearRecentDocuments();
      save([]);
    },
  };
}
