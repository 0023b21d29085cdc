/**
 * The appearance setting on the page: "system" leaves <html> without data-theme, so the stylesheet's
 * `color-scheme: light dark` follows prefers-color-scheme (in the desktop app the main process sets
 * nativeTheme.themeSource, which drives the same media query); "light" and "dark" force one side.
 */
import type { Theme } from '@shared/domain/settings';

/** Sets (or, for 'system', removes) `data-theme` on `root`. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
