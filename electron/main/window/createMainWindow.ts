/**
 * Creates Duet's window (runtime only). All decisions live in pure modules: the preferences in
 * secureWebPreferences, the place in clampBounds, the saving in trackWindowState.
 */
import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '@shared/domain/settings';
import { secureWebPreferences } from '../security/secureWebPreferences';
import { clampBounds } from './clampBounds';
import { trackWindowState } from './trackWindowState';

/** What the window needs. */
export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  savedBounds: WindowBounds | null;
  saveBounds: (bounds: WindowBounds) => void;
  /** The page's background in the current theme, shown until the first paint. */
  backgroundColor: string;
}

/** Smallest usable size: the editor and the outline side by side. */
const MIN_SIZE = { width: 640, height: 480 } as const;

/** Creates, places and loads the main window; it shows once the first paint is ready (no white flash). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const initial = clampBounds(options.savedBounds, [primary.workArea, ...others.map((d) => d.workArea)]);

  const win = new BrowserWindow({
    ...(initial.x !== undefined && initial.y !== undefined ? { x: initial.x, y: initial.y } : {}),
    width: initial.width,
    height: initial.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Duet',
    backgroundColor: '#f7f5f2',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (initial.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  trackWindowState(win, options.saveBounds);

  win.loadURL(options.url).catch((error: unknown) => {
    // A failed load leaves an empty window; the log is what tells a developer the renderer is missing.
    console.error(`[window] could not load ${options.url}`, error);
    if (!win.isDestroyed()) win.show();
  });
  return win;
}
