/**
 * Opens the settings file with electron-store (runtime only: electron-store imports electron). A settings
 * file that is not valid JSON (a crash mid-edit by hand, a disk fault) must not stop Duet from starting,
 * nor be silently erased: it is moved aside, kept for the user, and Duet starts with defaults.
 */
import Store from 'electron-store';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsBacking } from './settingsStore';

/** The settings file's name inside the profile folder (without .json). */
export const SETTINGS_FILE_NAME = 'settings';

/** Opens `<userDataDir>/settings.json`, quarantining an unreadable one. */
export function openSettingsBacking(userDataDir: string): SettingsBacking {
  try {
    return openAndRead();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const path = join(userDataDir, `${SETTINGS_FILE_NAME}.json`);
    if (!existsSync(path)) throw error; // not the file we know: a bug, not a damaged settings file
    const aside = `${path}.unreadable-${Date.now()}`;
    renameSync(path, aside);
    console.error(`[settings] ${path} was not valid JSON; kept it as ${aside} and started with default settings`);
    return openAndRead();
  }
}

function openAndRead(): Store<Record<string, unknown>> {
  const store = new Store<Record<string, unknown>>({ name: SETTINGS_FILE_NAME });
  // conf parses lazily; reading once here turns a damaged file into an error now, not on some later call.
  void store.store;
  return store;
}
