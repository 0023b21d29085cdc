import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowBounds } from '@shared/domain/settings';
import {
  SAVE_DELAY_MS,
  trackWindowState,
  type TrackedWindow,
} from '../../../../../electron/main/window/trackWindowState';

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1280, height: 820 };
  maximized = false;
  fullScreen = false;
  destroyed = false;
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const win = new FakeWindow();
  const save = vi.fn<(bounds: WindowBounds) => void>();
  const dispose = trackWindowState(win as unknown as TrackedWindow, save);
  return { win, save, dispose };
}

describe('Duet reopens where the user left it', () => {
  it('saves once after the user stops dragging, not on every move', () => {
    const { win, save } = setup();
    for (let i = 0; i < 50; i++) {
      win.bounds.x += 1;
      win.emit('move');
      vi.advanceTimersByTime(10);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledExactlyOnceWith({ x: 60, y: 20, width: 1280, height: 820, maximized: false });
  });

  it('saves immediately on close, cancelling the pending save', () => {
    const { win, save } = setup();
    win.emit('resize');
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('remembers the restored size of a maximized window, plus that it was maximized', () => {
    const { win, save } = setup();
    win.maximized = true;
    win.emit('maximize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).toHaveBeenLastCalledWith({ x: 10, y: 20, width: 1280, height: 820, maximized: true });
  });

  it('rounds fractional sizes from high-DPI screens to what settings accept', () => {
    const { win, save } = setup();
    win.bounds = { x: 10.4, y: 20.6, width: 150.2, height: 900.5 };
    win.emit('close');
    expect(save).toHaveBeenCalledWith({ x: 10, y: 21, width: 200, height: 901, maximized: false });
  });

  it('stops listening once the window is closed', () => {
    const { win, save } = setup();
    win.emit('closed');
    expect(win.listenerCount('move')).toBe(0);
    expect(win.listenerCount('close')).toBe(0);
    win.emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).not.toHaveBeenCalled();
  });

  it('the disposer cancels a pending save', () => {
    const { win, save, dispose } = setup();
    win.emit('move');
    dispose();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).not.toHaveBeenCalled();
  });
});
