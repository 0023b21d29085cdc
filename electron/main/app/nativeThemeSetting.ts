/**
 * The appearance setting in the desktop app: Electron's `nativeTheme.themeSource` decides what
 * `prefers-color-scheme` says in the page (and the colour of native menus and dialogs), so "system"
 * follows the OS and "light"/"dark" force it for the page and the chrome alike.
 */
import type { Theme } from '@shared/domain/settings';

/** The part of Electron's nativeTheme used. */
export interface ThemeTarget {
  themeSource: 'system' | 'light' | 'dark';
  readonly shouldUseDarkColors: boolean;
}

/** Sets the theme source when it differs (each change repaints every window). */
export function applyThemeSetting(nativeTheme: ThemeTarget, theme: Theme): void {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme;
}

/** The window's colour before the page paints (no white flash in dark): the page's --bg of each theme. */
export function windowBackground(dark: boolean): string {
  return dark ? '#14171d' : '#f7f6f3';
}
