/**
 * The user's settings as a small external store: components subscribe to the fields they show
 * (`useSettings('role')`), so a write re-renders only the readers of what changed. A playbook switch writes
 * `recentPlaybooks`, which nothing on screen reads; before, it re-rendered every consumer of one big context.
 */
import type { Settings, SettingsPatch } from '@shared/domain/settings';

/** Persists a patch and answers the settings as stored (the platform's `settings:update`). */
export type SaveSettings = (patch: SettingsPatch) => Promise<Settings>;

/** A patch, or a function computing one from the settings as stored when the write starts. */
export type SettingsChange = SettingsPatch | ((current: Settings) => SettingsPatch);

/** Same JSON value (settings are plain data: strings, numbers, booleans, null, arrays, objects). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps `previous`'s reference for every field whose value did not change, so a selector that returns a
 * field (`s.workspaces`) gives the same object until that field really changes.
 */
export function shareUnchanged(previous: Settings, next: Settings): Settings {
  let changed = false;
  const merged = { ...next } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (sameValue(previous[key], next[key])) merged[key] = previous[key];
    else changed = true;
  }
  return changed ? (merged as Settings) : previous;
}

/** The settings, persisted before they are shown. */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<() => void>();
  /** Writes run one after another, so a function patch sees every earlier write (no lost update). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    initial: Settings,
    private readonly save: SaveSettings,
  ) {
    this.current = initial;
  }

  /** The settings now (the same object until a write changes something). */
  readonly get = (): Settings => this.current;

  /** Calls `listener` after every change; returns the disposer. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Stores a change, then shows it: the screen never shows a setting that was not saved. Rejects (and
   * changes nothing) when the platform refuses it.
   */
  update(change: SettingsChange): Promise<void> {
    const write = this.queue.then(async () => {
      const patch = typeof change === 'function' ? change(this.current) : change;
      const next = shareUnchanged(this.current, await this.save(patch));
      if (next === this.current) return;
      this.current = next;
      for (const listener of [...this.listeners]) listener();
    });
    // A failed write must not stop the ones queued after it; its caller still sees the rejection.
    this.queue = write.catch(() => undefined);
    return write;
  }
}
