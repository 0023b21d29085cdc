/**
 * Where the window opens. The saved position may be on a monitor that is gone (a laptop undocked) or bigger
 * than the screen now is; the window must still open fully visible, on the monitor it mostly overlapped.
 */
import type { WindowBounds } from '@shared/domain/settings';

/** A rectangle in screen coordinates (a display's work area excludes taskbars and the menu bar). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size and position for the BrowserWindow constructor; no x/y means "let the OS centre it". */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Size of a first start. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/**
 * Fits `saved` onto one of `workAreas` (the first is the primary display). A window overlapping a display
 * is clamped inside the display it overlaps most; one overlapping none is centred on the primary display.
 */
export function clampBounds(saved: WindowBounds | null, workAreas: readonly Rect[]): InitialBounds {
  const primary = workAreas[0];
  if (saved === null || primary === undefined) {
    // Without displays (headless) there is nothing to fit; the OS places the default size.
    const size = primary ? fitSize(DEFAULT_WINDOW_SIZE, primary) : { ...DEFAULT_WINDOW_SIZE };
    return { ...size, maximized: false };
  }
  const maximized = saved.maximized === true;
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) {
    const size = fitSize(saved, primary);
    return {
      x: Math.round(primary.x + (primary.width - size.width) / 2),
      y: Math.round(primary.y + (primary.height - size.height) / 2),
      ...size,
      maximized,
    };
  }
  const size = fitSize(saved, best);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - size.width),
    y: clamp(saved.y, best.y, best.y + best.height - size.height),
    ...size,
    maximized,
  };
}

function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) };
}

function intersectionArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
