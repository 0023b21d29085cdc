import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  focusWindow,
  installAppLifecycle,
  shouldQuitWhenAllWindowsClosed,
  type LifecycleApp,
} from '../../../../../electron/main/app/installAppLifecycle';

class FakeApp extends EventEmitter {
  quit = vi.fn();
}

function setup(platform: NodeJS.Platform, windows = 1) {
  const app = new FakeApp();
  const showMainWindow = vi.fn();
  const dispose = installAppLifecycle(app as unknown as LifecycleApp, {
    platform,
    windowCount: () => windows,
    showMainWindow,
  });
  return { app, showMainWindow, dispose };
}

describe('launching Duet again brings the open window forward', () => {
  it('shows the existing window on a second launch', () => {
    const { app, showMainWindow } = setup('linux');
    app.emit('second-instance');
    expect(showMainWindow).toHaveBeenCalledTimes(1);
  });

  it('restores a minimized window and focuses it', () => {
    const calls: string[] = [];
    focusWindow({
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('closing the last window quits, except on macOS', () => {
  it.each(['linux', 'win32'] as const)('quits on %s', (platform) => {
    const { app } = setup(platform);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('keeps running on macOS and reopens a window from the dock', () => {
    const { app, showMainWindow } = setup('darwin', 0);
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('activate');
    expect(showMainWindow).toHaveBeenCalledTimes(1);
    expect(shouldQuitWhenAllWindowsClosed('darwin')).toBe(false);
  });

  it('does not open a second window when the dock is clicked with one open', () => {
    const { app, showMainWindow } = setup('darwin', 1);
    app.emit('activate');
    expect(showMainWindow).not.toHaveBeenCalled();
  });

  it('the disposer removes every listener', () => {
    const { app, dispose } = setup('linux');
    dispose();
    expect(app.eventNames()).toEqual([]);
  });
});
