import { describe, expect, it } from 'vitest';
import { clampBounds, DEFAULT_WINDOW_SIZE } from '../../../../../electron/main/window/clampBounds';

const LAPTOP = { x: 0, y: 25, width: 1440, height: 875 };
const EXTERNAL_RIGHT = { x: 1440, y: 0, width: 2560, height: 1440 };
const EXTERNAL_LEFT = { x: -1920, y: 0, width: 1920, height: 1080 };

function isInside(bounds: { x?: number; y?: number; width: number; height: number }, area: typeof LAPTOP) {
  const x = bounds.x ?? area.x;
  const y = bounds.y ?? area.y;
  return (
    x >= area.x && y >= area.y && x + bounds.width <= area.x + area.width && y + bounds.height <= area.y + area.height
  );
}

describe('a window saved on a missing monitor reopens visible', () => {
  it('moves a window from an unplugged external monitor onto the laptop, centred', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    const bounds = clampBounds(saved, [LAPTOP]);
    expect(isInside(bounds, LAPTOP)).toBe(true);
    expect(bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false });
  });

  it('centres a smaller window that is entirely off-screen', () => {
    const bounds = clampBounds({ x: -5000, y: -5000, width: 800, height: 600 }, [LAPTOP]);
    expect(bounds).toEqual({ x: 320, y: 163, width: 800, height: 600, maximized: false });
  });

  it('keeps a window where it was when its monitor is still there', () => {
    const saved = { x: 1600, y: 100, width: 1280, height: 820, maximized: false };
    expect(clampBounds(saved, [LAPTOP, EXTERNAL_RIGHT])).toEqual(saved);
  });

  it('works with monitors at negative coordinates', () => {
    const saved = { x: -1800, y: 50, width: 1280, height: 820 };
    expect(clampBounds(saved, [LAPTOP, EXTERNAL_LEFT])).toEqual({ ...saved, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto the monitor it mostly covers', () => {
    const bounds = clampBounds({ x: 1000, y: 500, width: 1280, height: 820 }, [LAPTOP]);
    expect(isInside(bounds, LAPTOP)).toBe(true);
    expect(bounds.width).toBe(1280);
  });

  it('shrinks a window larger than the screen it lands on', () => {
    const bounds = clampBounds({ x: 0, y: 0, width: 2400, height: 1400 }, [LAPTOP]);
    expect(bounds).toMatchObject({ width: 1440, height: 875 });
    expect(isInside(bounds, LAPTOP)).toBe(true);
  });

  it('keeps the maximized state', () => {
    expect(clampBounds({ x: 10, y: 40, width: 900, height: 700, maximized: true }, [LAPTOP]).maximized).toBe(true);
  });
});

describe('first start', () => {
  it('opens at 1280×820, centred by the OS', () => {
    expect(DEFAULT_WINDOW_SIZE).toEqual({ width: 1280, height: 820 });
    expect(clampBounds(null, [EXTERNAL_RIGHT])).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('fits the default size onto a small screen', () => {
    expect(clampBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({
      width: 1024,
      height: 600,
      maximized: false,
    });
  });

  it('still opens when no display is reported', () => {
    expect(clampBounds(null, [])).toEqual({ width: 1280, height: 820, maximized: false });
    expect(clampBounds({ x: 5, y: 5, width: 900, height: 700 }, [])).toEqual({
      width: 1280,
      height: 820,
      maximized: false,
    });
  });
});
