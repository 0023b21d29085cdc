/**
 * App-level behaviour users expect from a desktop app: one Duet at a time (launching it again brings the
 * open window forward), quitting when the last window closes except on macOS, and the dock icon reopening
 * a window there.
 */

/** The part of Electron's `app` used (structural, so tests pass an EventEmitter). */
export interface LifecycleApp {
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  removeListener(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  quit(): void;
}

/** What the lifecycle needs to know and do. */
export interface LifecycleOptions {
  platform: NodeJS.Platform;
  /** Number of open windows (BrowserWindow.getAllWindows().length). */
  windowCount: () => number;
  /** Brings the main window forward, creating it when there is none. */
  showMainWindow: () => void;
}

/** True when closing the last window should quit the app: everywhere except macOS. */
export function shouldQuitWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

/** Installs the handlers after app ready (so a window can be created); returns the disposer. */
export function installAppLifecycle(app: LifecycleApp, options: LifecycleOptions): () => void {
  // Only the first instance holds the single-instance lock; the second quits itself and this fires here.
  const handleSecondInstance = (): void => options.showMainWindow();
  const handleAllClosed = (): void => {
    if (shouldQuitWhenAllWindowsClosed(options.platform)) app.quit();
  };
  const handleActivate = (): void => {
    if (options.windowCount() === 0) options.showMainWindow();
  };
  app.on('second-instance', handleSecondInstance);
  app.on('window-all-closed', handleAllClosed);
  app.on('activate', handleActivate);
  return () => {
    app.removeListener('second-instance', handleSecondInstance);
    app.removeListener('window-all-closed', handleAllClosed);
    app.removeListener('activate', handleActivate);
  };
}

/** The part of a BrowserWindow used to bring it forward. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Restores a minimized window and focuses it. */
export function focusWindow(win: FocusableWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
