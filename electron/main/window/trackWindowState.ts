/**
 * Remembers where the window is. Moving and resizing fire dozens of events a second, so saving is
 * debounced; closing saves at once, since no later event will come.
 */
import type { WindowBounds } from '@shared/domain/settings';

/** Events after which the window's place may have changed. */
const CHANGE_EVENTS = ['move', 'resize', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const;

/** The part of a BrowserWindow used (structural, so tests pass a fake). */
export interface TrackedWindow {
  on(event: (typeof CHANGE_EVENTS)[number] | 'close' | 'closed', listener: () => void): unknown;
  removeListener(event: (typeof CHANGE_EVENTS)[number] | 'close' | 'closed', listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

/** Timer functions, injectable so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How long the window must be still before its place is written. */
export const SAVE_DELAY_MS = 500;

/** The smallest size settings accept; the window's minimum size is larger, this only guards odd OS values. */
const MIN_SAVED_SIZE = 200;

/** Reads the window's place in the shape settings store it. */
export function snapshotBounds(win: TrackedWindow): WindowBounds {
  // The normal bounds are the un-maximized ones, so a maximized window restores to its previous size.
  const bounds = win.getNormalBounds();
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(MIN_SAVED_SIZE, Math.round(bounds.width)),
    height: Math.max(MIN_SAVED_SIZE, Math.round(bounds.height)),
    maximized: win.isMaximized() || win.isFullScreen(),
  };
}

/** Saves the window's place after changes and on close; returns the disposer (also run on 'closed'). */
export function trackWindowState(
  win: TrackedWindow,
  save: (bounds: WindowBounds) => void,
  timers: Timers = {
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  },
): () => void {
  let pending: unknown = null;
  const cancel = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  const saveNow = (): void => {
    cancel();
    if (!win.isDestroyed()) save(snapshotBounds(win));
  };
  const handleChange = (): void => {
    cancel();
    pending = timers.setTimeout(saveNow, SAVE_DELAY_MS);
  };
  const dispose = (): void => {
    cancel();
    for (const event of CHANGE_EVENTS) win.removeListener(event, handleChange);
    win.removeListener('close', saveNow);
    win.removeListener('closed', dispose);
  };
  for (const event of CHANGE_EVENTS) win.on(event, handleChange);
  win.on('close', saveNow);
  win.on('closed', dispose);
  return dispose;
}
