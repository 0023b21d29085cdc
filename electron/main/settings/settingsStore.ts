/**
 * Settings as the main process keeps them. The backing store (electron-store at runtime) holds raw JSON the
 * user or an older Duet may have written, so every read goes through `coerceSettings`, and every write is
 * validated against the shared zod schema first: nothing invalid is ever persisted.
 */
import {
  coerceSettings,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type WindowBounds,
} from '@shared/domain/settings';
import { fail, ok, type Result } from '@shared/result';
import { describeSystemError, isSystemError } from '../systemError';

/** The electron-store surface we use: the whole object, read and written at once. */
export interface SettingsBacking {
  store: Record<string, unknown>;
}

/** Reads and changes settings; window bounds can only be changed here, never through a renderer patch. */
export interface SettingsStore {
  get(): Settings;
  /** Applies a patch from the renderer; `patch` is untrusted and validated. */
  update(patch: unknown): Result<Settings>;
  /** Remembers where the window is; called by the main process only. */
  setWindowBounds(bounds: WindowBounds | null): Result<null>;
  /** Remembers the recent workspace files; main process only (the renderer never sees paths it did not pick). */
  setRecentFiles(paths: readonly string[]): Result<null>;
}

/** Wraps a backing store. */
export function createSettingsStore(backing: SettingsBacking): SettingsStore {
  const get = (): Settings => coerceSettings(backing.store);

  const write = (next: Settings): Result<null> => {
    try {
      backing.store = next;
      return ok(null);
    } catch (error) {
      if (!isSystemError(error)) throw error;
      return fail('io', `Your settings could not be saved: ${describeSystemError(error)}.`);
    }
  };

  return {
    get,
    update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        return fail('invalid-input', `Settings were not saved (${where}${issue?.message ?? 'invalid value'}).`);
      }
      // The merge of valid settings and a valid patch is valid; if not, the schemas disagree, which is a bug.
      const next = settingsSchema.parse({ ...get(), ...parsed.data });
      const written = write(next);
      return written.ok ? ok(next) : written;
    },
    setWindowBounds(bounds) {
      const valid = settingsSchema.shape.windowBounds.parse(bounds);
      return write({ ...get(), windowBounds: valid });
    },
    setRecentFiles(paths) {
      const valid = settingsSchema.shape.recentFiles.parse(paths);
      return write({ ...get(), recentFiles: valid });
    },
  };
}
